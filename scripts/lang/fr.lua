-- Les mots de remous en français : voir scripts/lang/en.lua, dont ce
-- fichier suit les sections et les clés une à une.
return {
  language = "Français",

  number = {
    decimal = ",",
    thousands = " ",
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

  -- digest.c

  -- table.c

  -- diagram.c

  -- report.c

  -- workshop.c

  -- sweep.c

  -- fragility.c
  fragility = {
    title = "Ce dont l'organisation ne peut se passer (%s) : chaque personne absente %s dès le début de la période mesurée ; %d réplications, chacune appariée à la même sans l'absence.",
    title_at = "Ce dont l'organisation ne peut se passer (%s) : chaque personne absente %s à partir de %s après le début ; %d réplications, chacune appariée à la même sans l'absence.",
    title_worst = "Ce dont l'organisation ne peut se passer (%s) : chaque personne absente %s, la pire de %d semaines essayées (le plus de dossiers en retard ou perdus, puis le plus d'attente en plus) ; %d réplications, chacune appariée à la même sans l'absence.",
    if_away = "Si %s s'absente %s",
    if_away_in_week = "Si %s s'absente %s à partir de la %s",
    if_away_all = "Si %s s'absentent %s",
    if_away_all_in_week = "Si %s s'absentent %s à partir de la %s",
    week_number = "semaine %s",
    missed = "%s %s manquent leur échéance",
    lost = "%s %s renoncent ou sont refusés",
    waits = "%s attend %s de plus en moyenne",
    backlog = "%s dossiers de plus attendent au retour et le retard met %s à se résorber",
    backlog_stays = "%s dossiers de plus attendent au retour et le retard ne se résorbe pas avant la fin",
    nothing = "rien de mesurable ne change",
    ["and"] = " et ",
    semicolon = " ; ",
    nobody_else = "personne d'autre ne sait faire : %s",
    nobody_else_them = "personne en dehors d'eux ne sait faire : %s",
    whole_role = "les %2$d de %1$s",
    who_can = "Qui sait faire chaque étape :",
    one_person = "1 personne",
    people = "%s personnes",
    able = "  %s : %s, dont %s %% par la plus sollicitée",
    able_never = "  %s : %s, jamais faite dans la simulation",
    week = "%s semaine",
    weeks = "%s semaines",
    day = "%s jour",
    days = "%s jours",
    hour = "%s heure",
    hours = "%s heures",
    minute = "%s minute",
    minutes = "%s minutes",
  },
}
