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
  digest = {
    up = "en hausse",
    down = "en baisse",
    rate_week = " par semaine",
    rate_day = " par jour",
    points = " points",
    none_before = "%s : %s : %s, contre zéro avant (±%s%s)",
    from_to = "%s : %s : de %s à %s (±%s%s)",
    in_points = "%s : %s : %s de %s points (%s → %s, ±%s points)",
    in_percent = "%s : %s : %s de %s %% (%s → %s, ±%s%s)",
    subject = "%s « %s »",
    element = {
      queue = "file", role = "rôle", activity = "étape", arrivals = "arrivées", tool = "outil",
    },
    added = {
      queue = "nouvelle %s : %s : %s", role = "nouveau %s : %s : %s", activity = "nouvelle %s : %s : %s",
      arrivals = "nouvelles %s : %s : %s", tool = "nouvel %s : %s : %s",
    },
    metric = {
      queue_wait_mean = "attente moyenne",
      queue_wait_p90 = "attente de 9 personnes sur 10",
      queue_length_mean_open = "personnes en attente pendant les heures d'ouverture, en moyenne",
      queue_abandoned = "personnes parties avant leur tour",
      queue_balked = "personnes refoulées (file pleine)",
      queue_waiting_at_closing = "personnes encore en attente à la fermeture, qui renoncent avant la réouverture",
      role_utilization = "part du temps de travail occupée",
      role_share_of = "temps consacré à %s",
      role_overtime = "heures supplémentaires",
      activity_completed = "réalisations",
      activity_duration_mean = "durée moyenne",
      activity_top_person_share = "part faite par la personne la plus sollicitée",
      arrivals_completed = "parcours terminés",
      arrivals_abandoned = "abandons",
      arrivals_balked = "personnes refoulées",
      arrivals_wait_mean = "attente totale par personne",
      arrivals_cycle_time_mean = "temps de l'arrivée à la sortie",
      arrivals_deadline_missed = "échéances manquées",
      arrivals_uptake = "part qui passe par un outil",
      tool_uptake = "part du public qui l'utilise",
      tool_adoption = "part de l'équipe qui l'utilise",
    },
    heading = "Ce qui change avec « %s » (par rapport à la situation actuelle, %d réplications, intervalles à 95 %%) :",
    no_change = "aucun changement significatif",
    rule = "Un changement est listé s'il est significatif après la correction de Holm sur tous les chiffres de la variante (à 5 %% : une variante sans effet ne liste rien 19 fois sur 20) et assez grand pour compter : au moins %s %% de la situation actuelle, et au moins, pour une durée : %s min ; une part : %s pt ; un décompte : %s%s ; des personnes en attente : %s.",
  },

  -- table.c
  table = {
    title = "%s — %s, %d %s, graine %llu (moyenne ± intervalle à 95 %% ; durées en %s)",
    replication = "réplication",
    replications = "réplications",
    queues = "Files d'attente",
    roles = "Rôles (part du temps)",
    activities = "Étapes",
    arrivals = "Arrivées",
    column = {
      wait_mean = "attente moyenne",
      wait_p90 = "attente p90",
      length_mean = "longueur moyenne",
      abandoned = "abandons",
      balked = "refoulés",
      utilization = "occupation",
      done = "réalisations",
      duration_mean = "durée moyenne",
      top_person_share = "part du plus actif",
      arrived = "arrivées",
      completed = "parcours terminés",
      cycle_time_mean = "temps de parcours",
    },
  },

  -- diagram.c

  -- report.c

  -- workshop.c

  -- sweep.c
}
