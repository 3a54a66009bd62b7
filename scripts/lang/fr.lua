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

  -- cost.c
  cost = {
    eur = "€", usd = "$", gbp = "£", chf = "CHF", cad = "$ CA",
    money_tight = "%2$s %1$s",
    money_spaced = "%2$s %1$s",
    minus = "-",
    staff = "coût du personnel",
    tools = "coût des outils",
    total = "coût total (personnel et outils)",
    value_completed = "valeur du travail mené à bien",
    value_lost = "valeur perdue (personnes parties ou refoulées)",
    role = "rôle « %s » : coût de son temps",
    role_cost = "coût du temps de son équipe",
    role_kind = "coût du temps consacré à %s",
    role_idle = "coût du temps libre",
    role_away = "coût du temps d'absence",
    role_overtime = "coût des heures supplémentaires",
    tool_cost = "coût",
    tool_subscription = "abonnement",
    tool_fees = "commissions",
    tool_setup = "mise en place",
    tool_used = "éléments qui l'ont utilisé",
    stream_value_completed = "valeur menée à bien",
    stream_value_lost = "valeur perdue",
    up = "en hausse",
    down = "en baisse",
    change = "%s : %s de %s %% (%s → %s sur %s jours, ±%s)",
    from_none = "%s : %s sur %s jours, contre zéro avant (±%s)",
  },
}
