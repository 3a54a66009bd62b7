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
}
