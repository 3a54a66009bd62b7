-- Names and labels in Unicode, with spaces, accents, « guillemets », an
-- emoji and characters HTML must escape. Every duration is constant, so
-- that every replication is the same and the digest's figures are exact:
-- two booksellers, a reader every 10 minutes, 5 minutes of advice then 2 at
-- the till (1 with the tool, plus half a minute of checking, no one needed).
scenario "Café-librairie" {
  label = "Le café-librairie « Les Mots » 📚",
  horizon = 600, replications = 3,
  kinds = { conseil = "conseiller les lecteurs",
            ["caisse rapide"] = { label = "encaisser « vite »", group = "outil" } },
}

role "libraire_équipe" { count = 2, label = "libraires & <amis>" }
queue "comptoir" { label = "le comptoir « principal »" }
arrivals "entrée à pied" {
  interarrival = param("minutes_entre_lecteurs", 10, { label = "Minutes entre deux lecteurs", min = 5, max = 30 }),
  to = "conseil", label = "lecteurs qui entrent",
}
activity "conseil" {
  role = "libraire_équipe", queue = "comptoir", duration = 5, kind = "conseil", next = "caisse",
  label = "conseil aux lecteurs",
}
activity "caisse" { role = "libraire_équipe", queue = "comptoir", duration = 2, kind = "caisse rapide" }

tool "paiement_en_ligne" {
  label = "paiement en ligne",
  apply = function()
    activity "caisse" { duration = 1, next = "vérifier_paiement" }
    activity "vérifier_paiement" { duration = 0.5 }      -- no label: read as "vérifier paiement"
  end,
}
variant "caisse éclair" { tools = { "paiement_en_ligne" }, label = "la caisse « éclair » ⚡" }
