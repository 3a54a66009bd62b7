-- Les mots de remous en français : voir scripts/lang/en.lua, dont ce
-- fichier suit les sections et les clés une à une.
return {
  language = "Français",

  number = {
    decimal = ",",
    thousands = " ",
    percent = "%s %%",
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
  report = {
    with_variant = "Avec %s",
    not_computed = "Cette variante ne peut pas être calculée avec ces valeurs : %s",
    no_change = "aucun changement significatif",
    to_check = "Points à vérifier dans le modèle",
    what_changes = "Ce qui change",
    runs = "%d réplications, graine %llu, remous %s. ",
    figures_are_means = "Les chiffres sont des moyennes sur les réplications ; ± est la demi-largeur de l'intervalle à 95 %%.",
    time_title = "À quoi chaque rôle passe son temps",
    group_of_kind = "%s : ",
    idle = "disponible",
    no_such_role = "(ce rôle n'existe pas ici)",
    no_such_queue = "(cette file n'existe pas ici)",
    share_of_kind = "%s : %s",
    groups_caption = "Totaux par groupe de tâches : la part du groupe dans le temps de travail, puis ses parties.",
    groups_role = "rôle",
    groups_group = "groupe",
    wait_title = "Attente moyenne dans chaque file (%s)",
    wait_scale = "Chaque file a sa propre échelle ; les moustaches montrent l'intervalle à 95 %%.",
    unit_hours = "heures",
    unit_minutes = "minutes",
    unit_seconds = "secondes",
    unit_days = "jours",
    waiting_over_time = "Personnes en attente, au fil du temps",
    axis_waiting = "personnes en attente",
    axis_weeks = "semaines",
    axis_days = "jours",
    axis_periods = "périodes",
    params_title = "Paramètres",
    params_parameter = "paramètre",
  },

  -- workshop.c
  workshop = {
    title = "atelier remous",
    variants_compared = "Variantes comparées à la situation actuelle",
    replications = "Réplications",
    language = "Langue",
    update = "Mettre à jour",
    download = "Télécharger :",
    link = "Lien vers cette situation",
    fix_the_scenario = "Corrigez le scénario : cette page se recharge d'elle-même quand le fichier change.",
    computing = "Calcul en cours : %ld sur %ld simulations…",
    bad_reps = "reps : donnez un nombre entier de 1 à %d, pas « %.40s »",
    bad_lang = "lang : l'une de %s, pas « %.20s »",
    too_many_fields = "l'adresse a plus de %d champs",
    given_twice = "%.100s est donné deux fois dans l'adresse",
    no_such_variant = "variant : le scénario n'a pas de variante « %.100s »",
    unknown_field = "champ « %.100s » inconnu dans l'adresse",
    too_long = "l'atelier simule au plus %.0f jours par réplication ; cet horizon est de %.0f jours (utilisez remous compare pour de plus longs)",
    no_such_page = "atelier remous : cette page n'existe pas",
    out_of_memory = "atelier remous : mémoire épuisée",
    busy = "atelier remous : occupé par d'autres situations ; réessayez dans un instant",
    changed_meanwhile = "atelier remous : le scénario a changé entre-temps ; rechargez la page",
    still_computing = "atelier remous : calcul en cours ; réessayez dans un instant",
    no_compare_without_variant = "atelier remous : pas de compare.csv sans variante : cochez-en une",
    no_compare_computed = "atelier remous : pas de compare.csv : les variantes cochées ne peuvent pas être calculées avec ces valeurs (voir la page)",
  },

  -- sweep.c
}
