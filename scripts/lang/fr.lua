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

  -- targets.c and the digest's lines on declared metrics (digest.c)
  decision = {
    heading = "Cibles, chacune jugée sur l'intervalle à 95 %% de sa moyenne (%d réplications) :",
    met = "atteinte",
    not_met = "manquée",
    undecided = "indécise",
    below = "voulue sous %s",
    at_most = "voulue au plus à %s",
    above = "voulue au-dessus de %s",
    at_least = "voulue au moins à %s",
    colon = " : ",              -- between a verdict or a target and what follows
    interval = "[%s ; %s]",      -- a 95% interval: its low and high ends
    no_value = "pas de valeur",
    all_met_by = "Toutes les cibles sont atteintes par : %s.",
    none_meets = "Aucune option n'atteint toutes les cibles.",
    sweep_heading = "Cibles à chaque point de la grille, chacune jugée sur l'intervalle à 95 %% de sa moyenne :",
    points_meet = "Points qui atteignent toutes les cibles : %ld sur %ld.",
    no_point = "Aucun point de la grille n'atteint toutes les cibles.",
    ordered_by = "Dans l'ordre de --prefer (%s) :",
    grid_order = "Dans l'ordre de la grille :",
    smallest_first = "%s du plus petit au plus grand",
    largest_first = "%s du plus grand au plus petit",
    cheapest = "La moins chère : %s.",
    metric = "mesure",
    value = "valeur",
    value_in = "valeur en %s",
  },
}
