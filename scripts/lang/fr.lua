-- Les mots de remous en français : voir scripts/lang/en.lua, dont ce
-- fichier suit les sections et les clés une à une.
return {
  language = "Français",

  number = {
    decimal = ",",
    thousands = " ",
    percent = "%s %%",
    minus = "−",
    singular_below_two = "yes",
    point = "point",
    points = "points",
    unit = {
      second = "seconde", seconds = "secondes",
      minute = "minute", minutes = "minutes",
      hour = "heure", hours = "heures",
      day = "jour", days = "jours",
    },
  },

  -- labels.c
  labels = {
    baseline = "situation actuelle",
    person = "%s nº %s",
    work = "travail",
  },

  -- warnings.c
  warnings = {
    left_at_closing = "file « %s » : à la fermeture, %s en moyenne y attendent encore, et leur patience s'épuise avant la réouverture (donnez à son équipe le temps de finir, ou arrêtez les arrivées plus tôt)",
    tool_step_unreached = "l'étape « %s » d'un outil n'est jamais atteinte : vérifiez les chemins qui y mènent",
    role_never_busy = "le rôle « %s » n'est jamais occupé : aucune étape qu'il fait n'est atteinte, ou il ne travaille jamais",
    zero_step_with_role = "l'étape « %s » ne prend aucun temps mais demande une personne : ce qui y arrive attend quelqu'un de libre, pour rien, et son type de travail apparaît comme une part du temps ; pour orienter, retirez son rôle (une étape sans rôle est un simple délai)",
    with_variant = "avec « %s » : %s",
  },

  -- headline.c
  headline = {
    per_week = "par semaine",
    per_day = "par jour",
    list_and = " et ",
    the = "",
    zero = "zéro",
    wait = "%s : %s %s d'attente au lieu de %s",
    wait2 = "%s : %s %s d'attente au lieu de %s %s",
    wait_said = "%s : %s d'attente au lieu de %s",
    under_a_second = "moins d'une seconde",
    and_leave = ", et environ %s personnes de %s %s repartent sans être servies",
    and_leave_rare = ", et environ une personne de %s toutes les %s semaines repart sans être servie",
    leave = "%s : environ %s personnes de %s %s repartent sans être servies",
    leave_rare = "%s : environ une personne de %s toutes les %s semaines repart sans être servie",
    more = "plus",
    fewer = "moins",
    what_wait = "%s : attente",
    what_leave = "%s : personnes reparties sans être servies, %s",
    busy = "%s : occupés %s du temps de travail au lieu de %s (%s %s)",
    busy1 = "%s : occupé %s du temps de travail au lieu de %s (%s %s)",
    of_it = ", dont %s %s pour %s",
    and_overtime = ", avec %s %s de dépassement d'horaire %s à eux tous au lieu de %s",
    and_overtime1 = ", avec %s %s de dépassement d'horaire %s au lieu de %s",
    overtime = "%s : %s %s de dépassement d'horaire %s à eux tous, au lieu de %s",
    overtime1 = "%s : %s %s de dépassement d'horaire %s, au lieu de %s",
    what_busy = "%s : occupation",
    what_overtime = "%s : dépassement d'horaire, %s",
    team = "l'équipe",
    mission = "%s : %s du temps de travail consacré à %s au lieu de %s, soit environ %s %s %s au lieu de %s.",
    mission1 = "%s : %s du temps de travail consacré à %s au lieu de %s, soit environ %s %s %s au lieu de %s.",
    mission_pct = "%s : %s du temps de travail consacré à %s au lieu de %s, toujours environ %s %s %s.",
    mission_pct1 = "%s : %s du temps de travail consacré à %s au lieu de %s, toujours environ %s %s %s.",
    mission_hours = "%s : environ %s %s %s consacrées à %s au lieu de %s, toujours %s du temps de travail.",
    mission_hours1 = "%s : environ %s %s %s consacrées à %s au lieu de %s, toujours %s du temps de travail.",
    mission_same = "%s : pas de changement réel du temps consacré à %s (environ %s %s %s, %s du temps de travail).",
    what_mission = "%s : temps consacré à %s, %s",
    new_work = "Le travail nouveau prend environ %s %s %s : %s.",
    group = "%s : %s du temps de travail consacré à %s au lieu de %s : %s.",
    group1 = "%s : %s du temps de travail consacré à %s au lieu de %s : %s.",
    less = "moins à %s",
    more_of = "plus à %s",
    what_new = "travail nouveau, %s",
    what_group = "%s : temps consacré à %s",
    one_person = "Une seule personne fait désormais %s de « %s », au lieu de %s.",
    what_one = "« %s » : fait par une seule personne",
    in_short = "En bref, avec « %s » :\n",
    nothing = "pas de changement réel dans ce que suit l'essentiel",
    title = "En bref",
    with = "Avec « %s »",
    figures = "situation actuelle → avec la variante",
  },

  -- digest.c

  -- table.c

  -- diagram.c

  -- report.c

  -- workshop.c

  -- sweep.c
}
