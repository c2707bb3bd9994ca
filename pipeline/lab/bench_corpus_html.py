"""Synthetic news-page corpus for the cleaning benchmark (`pipeline.lab.bench_clean`).

Generates HTML news pages in French and English with their gold bodies known by
construction.  Variety on purpose: six page layouts, boilerplate blocks in random
order and presence (navigation, breadcrumbs, share bars, figures with captions,
related-article teasers, most-read sidebars, newsletter boxes, cookie banners,
comments, tags, ads, footers), and many phrasings for each block, several of which
appear in no list of the cleaner.  The cleaner never imports this module.

    python -m pipeline.lab.bench_corpus_html --out pipeline/data/bench_html  # write the pages
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

# --- article text --------------------------------------------------------------------

FR = {
    "actors": ["le ministre de l'Intérieur", "la présidente de la région", "le maire de Lyon", "le Premier ministre",
               "la commissaire européenne à l'énergie", "le chef de la diplomatie allemande", "le syndicat des cheminots",
               "la directrice de l'hôpital", "le procureur de Marseille", "l'ambassadeur du Japon",
               "le gouverneur de la banque centrale", "la ministre de la Santé", "le président du Sénat",
               "le patron du groupe automobile", "la secrétaire générale de l'ONU"],
    "places": ["Bordeaux", "Strasbourg", "Bruxelles", "Lille", "Genève", "Nantes", "Toulouse", "Rome", "Madrid",
               "Berlin", "Dakar", "Montréal", "Abidjan", "Rennes", "Nice"],
    "topics": ["la réforme des retraites", "le prix de l'électricité", "la sécurité des transports", "les inondations",
               "le budget de la défense", "la pénurie de médecins", "la construction de logements", "les négociations commerciales",
               "la lutte contre la fraude fiscale", "la sécheresse", "la crise du logement étudiant", "la qualité de l'air"],
    "days": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "sentences": [
        "{A} a annoncé {d} à {P} de nouvelles mesures concernant {T}, au terme d'une réunion de plusieurs heures.",
        "Selon les chiffres publiés {d}, près de {n} personnes sont directement concernées par {T} dans la région de {P}.",
        "« Nous ne pouvons plus attendre, il faut agir maintenant », a déclaré {A} devant la presse.",
        "Les opposants dénoncent une décision prise dans l'urgence et réclament un débat au Parlement sur {T}.",
        "Le texte doit être examiné en commission avant la fin du mois, a précisé un porte-parole du gouvernement.",
        "À {P}, les habitants interrogés se montrent partagés entre l'inquiétude et une forme de résignation.",
        "{A} a reconnu que les premiers résultats ne seraient pas visibles avant plusieurs mois.",
        "Cette annonce intervient après des semaines de tensions autour de {T}, marquées par plusieurs manifestations.",
        "D'après une étude récente, le coût de {T} pourrait atteindre {n} millions d'euros d'ici à deux ans.",
        "Les associations saluent un premier pas, tout en jugeant le dispositif insuffisant au regard des besoins.",
        "Plusieurs élus locaux ont demandé des précisions sur le calendrier et sur le financement des mesures.",
        "{A} doit se rendre {d} à {P} pour rencontrer les représentants des professionnels du secteur.",
        "Le gouvernement assure que les fonds nécessaires ont été inscrits dans la loi de finances de l'année.",
        "Interrogé sur la durée du dispositif, {A} a évoqué une période d'essai de dix-huit mois.",
        "Les experts rappellent que la situation à {P} reste fragile et dépend largement de la conjoncture européenne.",
        "Une nouvelle réunion est prévue {d} prochain, en présence des partenaires sociaux et des collectivités.",
        "Dans un communiqué, l'opposition a qualifié ces annonces de « poudre aux yeux » et promis de déposer des amendements.",
        "La mesure concernera en priorité les ménages les plus modestes et les petites entreprises, selon le ministère.",
        "Sur le terrain, les professionnels attendent surtout des garanties sur la durée des aides promises.",
        "Il s'agit de la troisième annonce de ce type depuis le début de l'année, note un observateur.",
    ],
    "headlines": ["{A2} annonce un plan sur {T} à {P}", "{T2} : les nouvelles mesures dévoilées {d}",
                  "À {P}, {T} au cœur des débats", "Ce qu'il faut retenir des annonces sur {T}",
                  "{T2} : {A} promet des résultats rapides"],
    "subheads": ["Un calendrier serré", "Des critiques à gauche comme à droite", "Ce qui change concrètement",
                 "Les réactions", "Et maintenant ?", "Un coût élevé"],
}

EN = {
    "actors": ["the interior minister", "the regional governor", "the mayor of Leeds", "the prime minister",
               "the European energy commissioner", "the German foreign minister", "the rail workers' union",
               "the hospital's chief executive", "the state prosecutor", "the Japanese ambassador",
               "the central bank governor", "the health secretary", "the Senate majority leader",
               "the carmaker's chief executive", "the UN secretary-general"],
    "places": ["Manchester", "Ottawa", "Brussels", "Glasgow", "Geneva", "Denver", "Cardiff", "Rome", "Madrid",
               "Berlin", "Nairobi", "Toronto", "Accra", "Bristol", "Dublin"],
    "topics": ["the pension reform", "electricity prices", "rail safety", "the floods", "the defence budget",
               "the shortage of doctors", "housing construction", "the trade talks", "tax fraud", "the drought",
               "student housing", "air quality"],
    "days": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
    "sentences": [
        "{A} announced new measures on {T} in {P} {d}, after a meeting that lasted several hours.",
        "According to figures released {d}, nearly {n} people are directly affected by {T} in the {P} area.",
        "\"We cannot wait any longer, we have to act now,\" {A} told reporters.",
        "Critics said the decision had been rushed and called for a full debate in parliament on {T}.",
        "The bill is due to be examined by a committee before the end of the month, a government spokesman said.",
        "In {P}, residents who spoke to reporters were divided between worry and a kind of resignation.",
        "{A} acknowledged that the first results would not be visible for several months.",
        "The announcement follows weeks of tension over {T}, marked by several protests.",
        "A recent study estimated that the cost of {T} could reach {n} million dollars within two years.",
        "Campaign groups welcomed a first step but said the plan fell short of what was needed.",
        "Several local officials asked for details about the timetable and how the measures would be funded.",
        "{A} is expected to travel to {P} {d} to meet representatives of the industry.",
        "The government insists that the necessary funds have been set aside in this year's budget.",
        "Asked how long the scheme would last, {A} mentioned a trial period of eighteen months.",
        "Experts warn that the situation in {P} remains fragile and depends heavily on the wider economy.",
        "Another meeting is planned {d}, with unions and local authorities expected to attend.",
        "In a statement, the opposition described the announcements as \"window dressing\" and promised amendments.",
        "The measure will first target low-income households and small businesses, the ministry said.",
        "On the ground, professionals mainly want guarantees about how long the promised support will last.",
        "It is the third announcement of this kind since the start of the year, one analyst noted.",
    ],
    "headlines": ["{A2} unveils plan on {T} in {P}", "{T2}: new measures announced {d}", "In {P}, {T} takes centre stage",
                  "What we know about the new plan on {T}", "{T2}: {A} promises quick results"],
    "subheads": ["A tight timetable", "Criticism from all sides", "What changes in practice", "Reactions",
                 "What happens next", "A costly plan"],
}

# --- boilerplate phrasings (many of them unknown to the cleaner) ---------------------

BP = {
    "fr": {
        "site": ["Le Quotidien du Matin", "L'Écho des Régions", "Info Continu", "La Gazette Libre", "Actu Plus"],
        "nav": ["Accueil", "International", "Politique", "Société", "Économie", "Culture", "Sport", "Sciences",
                "Planète", "Idées", "Vidéos", "Régions", "Podcasts", "Services"],
        "related_head": ["Articles connexes", "Sur le même sujet", "À lire aussi", "Nos lecteurs ont aussi lu",
                         "Dans la même rubrique", "À découvrir", "Ailleurs sur le site", "Plus d'actualités",
                         "Vous aimerez aussi", "Les dernières infos"],
        "mostread": ["Les plus lus", "Les plus partagés", "Tendances", "En ce moment", "Top articles"],
        "share": ["Partager", "Partager sur Facebook", "Tweeter", "Envoyer par e-mail", "Copier le lien", "WhatsApp",
                  "Imprimer", "Partager cet article"],
        "cookie_head": ["Ce site utilise des cookies", "Vos choix concernant les cookies", "Respect de votre vie privée",
                        "Nous respectons votre vie privée", "Gestion du consentement"],
        "cookie_text": ["Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus. Vous pouvez modifier vos choix à tout moment.",
                        "Avec nos partenaires, nous déposons des traceurs pour analyser la navigation et vous proposer des publicités adaptées.",
                        "En poursuivant votre navigation, vous acceptez l'utilisation de cookies conformément à notre politique de confidentialité."],
        "cookie_btn": ["Accepter", "Refuser", "Tout accepter", "Continuer sans accepter", "Personnaliser", "J'accepte"],
        "news_head": ["Newsletter", "La lettre du matin", "Inscrivez-vous à notre newsletter", "Recevez l'essentiel de l'actu",
                      "Notre sélection du soir"],
        "news_text": ["Chaque matin, recevez une sélection des informations essentielles directement dans votre boîte mail.",
                      "Inscrivez-vous gratuitement et recevez nos meilleurs articles chaque semaine par e-mail.",
                      "Le meilleur de notre rédaction, livré chaque soir dans votre boîte de réception."],
        "news_btn": ["Je m'inscris", "S'inscrire", "Valider"],
        "comments_head": ["{n} commentaires", "Commentaires", "Réagissez à cet article", "Vos réactions", "Le débat ({n})"],
        "comments": ["Encore une annonce sans lendemain, on connaît la chanson depuis des années.",
                     "Enfin une bonne nouvelle pour notre région, il était temps que les choses bougent !",
                     "Qui va payer tout ça ? Comme d'habitude ce sont les classes moyennes qui trinqueront.",
                     "Article très clair, merci pour ce travail de fond.",
                     "Je ne comprends pas pourquoi personne ne parle des conséquences pour les retraités."],
        "users": ["Jean-Marc75", "Sophie L.", "citoyen_vigilant", "Marie D.", "Pierrot33"],
        "reply": ["Répondre", "Signaler", "J'aime"],
        "tags_head": ["Mots-clés", "Thèmes", "Sujets associés", "Tags"],
        "byline": ["Par {name}", "{name}, correspondant à {P}", "Par {name} et {name2}", "La rédaction avec AFP"],
        "names": ["Claire Dubois", "Antoine Mercier", "Julie Fontaine", "Karim Haddad", "Élise Moreau"],
        "published": ["Publié le {date}", "Mis à jour le {date}", "Publié le {date} à {hh}h{m}", "{date}"],
        "credit": ["( AFP / {name} )", "Photo : {name} / Reuters", "© {name} / AFP", "(Photo {name}/MAXPPP)", "Crédit : {name}"],
        "caption": ["Une manifestation devant la préfecture de {P}, {d}.", "{A2} lors d'une conférence de presse à {P}.",
                    "Vue de {P}, où les mesures doivent s'appliquer en premier."],
        "readalso": ["Lire aussi : {h}", "À lire aussi : {h}", "LIRE AUSSI - {h}", "» {h}", "Voir aussi : {h}"],
        "ad": ["Publicité", "Contenu sponsorisé", "PUBLICITÉ"],
        "footer": ["Mentions légales", "Contact", "Qui sommes-nous ?", "Plan du site", "Conditions générales d'utilisation",
                   "© {site} 2025 - Tous droits réservés", "Nous rejoindre", "Charte de confidentialité"],
        "breadcrumb": "Accueil > {sec} > {P}",
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                   "novembre", "décembre"],
        "reading": ["Temps de lecture : {k} min", "Lecture {k} min", "Abonnés", "Exclusif", "Article réservé aux abonnés"],
        "paywall": ["Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous.",
                    "Il vous reste 65 % de cet article à lire. La suite est réservée aux abonnés."],
    },
    "en": {
        "site": ["The Morning Ledger", "Regional Echo", "News Now", "The Free Gazette", "Daily Wire Service"],
        "nav": ["Home", "World", "Politics", "Business", "Culture", "Sport", "Science", "Climate", "Opinion",
                "Video", "Local", "Podcasts", "Travel", "Tech"],
        "related_head": ["Related articles", "More on this story", "Read more", "You may also like", "Recommended",
                         "More from {site}", "Also in the news", "Don't miss", "Keep reading", "Elsewhere on {site}"],
        "mostread": ["Most read", "Most popular", "Trending", "Popular now", "Top stories"],
        "share": ["Share", "Share on Facebook", "Tweet", "Email", "Copy link", "WhatsApp", "Print", "Share this article"],
        "cookie_head": ["We value your privacy", "This site uses cookies", "Your privacy choices", "Cookie settings",
                        "About cookies on this site"],
        "cookie_text": ["We and our partners use cookies to measure audience and personalise content and ads. You can change your choices at any time.",
                        "We use cookies and similar technologies to analyse traffic and show you relevant advertising.",
                        "By continuing to browse this site you agree to our use of cookies as described in our privacy policy."],
        "cookie_btn": ["Accept", "Reject all", "Accept all", "Manage preferences", "I agree", "Got it"],
        "news_head": ["Newsletter", "Sign up for our newsletter", "The Morning Briefing", "Get the news in your inbox",
                      "Evening Digest"],
        "news_text": ["Get the day's essential stories delivered to your inbox every morning.",
                      "Sign up for free and receive our best journalism every week by email.",
                      "The best of our newsroom, delivered to your inbox every evening."],
        "news_btn": ["Sign up", "Subscribe", "Submit"],
        "comments_head": ["{n} comments", "Comments", "Join the conversation", "Reader comments", "Have your say ({n})"],
        "comments": ["Another announcement that will lead nowhere, we have heard it all before.",
                     "Finally some good news for our region, about time things started moving!",
                     "Who is going to pay for all this? The middle class as usual.",
                     "Very clear article, thanks for the in-depth reporting.",
                     "I don't understand why nobody talks about what this means for pensioners."],
        "users": ["johnnyB", "Sarah K.", "watchful_citizen", "Mary D.", "pete_77"],
        "reply": ["Reply", "Report", "Like"],
        "tags_head": ["Topics", "Tags", "Related topics", "More on"],
        "byline": ["By {name}", "{name} in {P}", "By {name} and {name2}", "Staff and agencies"],
        "names": ["Claire Dawson", "Anthony Mercer", "Julia Fontaine", "Karim Haddad", "Ellen Moore"],
        "published": ["Published {date}", "Updated {date}", "Published on {date} at {hh}:{m}", "{date}"],
        "credit": ["( Reuters / {name} )", "Photo: {name}/Reuters", "© {name} / AP", "(Photo by {name}/Getty Images)",
                   "Credit: {name}"],
        "caption": ["Protesters outside the town hall in {P} {d}.", "{A2} at a press conference in {P}.",
                    "A view of {P}, where the measures will apply first."],
        "readalso": ["Read more: {h}", "READ MORE: {h}", "Related: {h}", "» {h}", "See also: {h}"],
        "ad": ["Advertisement", "Sponsored content", "ADVERTISEMENT"],
        "footer": ["Terms of use", "Contact us", "About us", "Site map", "Privacy policy", "© {site} 2025. All rights reserved.",
                   "Work for us", "Accessibility"],
        "breadcrumb": "Home > {sec} > {P}",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"],
        "reading": ["{k} min read", "Reading time: {k} min", "Subscribers only", "Exclusive", "Premium"],
        "paywall": ["This article is for subscribers only. Already a subscriber? Log in.",
                    "You have reached your limit of free articles. Subscribe to keep reading."],
    },
}


@dataclass
class BenchPage:
    page_id: str
    lang: str
    template: str
    html: str
    title: str
    published: str
    body: str  # gold: paragraphs separated by one blank line, title excluded
    url: str
    features: list[str] = field(default_factory=list)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Writer:
    def __init__(self, rng: random.Random, lang: str):
        self.r = rng
        self.lang = lang
        self.L = FR if lang == "fr" else EN
        self.B = BP[lang]
        self.site = rng.choice(self.B["site"])

    def cls(self, *names: str) -> str:
        """A class name: a meaningful one, or (half the time) an opaque generated one
        like CSS-in-JS sites use, so that class names alone cannot reveal boilerplate."""
        if self.r.random() < 0.5:
            return f"{self.r.choice(['css', 'sc', 'x', 'c'])}-{self.r.randrange(16**6):06x}"
        return self.r.choice(names)

    def fill(self, t: str) -> str:
        r, L = self.r, self.L
        A = r.choice(L["actors"])
        T = r.choice(L["topics"])
        out = t.format(A=A, A2=_cap(A), P=r.choice(L["places"]), T=T, T2=_cap(T), d=r.choice(L["days"]),
                       n=r.choice(["1 200", "3 500", "15 000", "42 000", "250", "8 000"]) if self.lang == "fr"
                       else r.choice(["1,200", "3,500", "15,000", "42,000", "250", "8,000"]))
        return _cap(out)

        self.pool: list[str] = []

    def paragraph(self, k: int | None = None) -> str:
        k = k or self.r.randint(1, 4)
        return " ".join(self.fill(s) for s in self.r.sample(self.L["sentences"], k))

    def article_paragraph(self) -> str | None:
        """A paragraph whose sentences are not used elsewhere in the article."""
        if not self.pool:
            return None
        k = min(len(self.pool), self.r.randint(1, 3))
        out = [self.fill(self.pool.pop()) for _ in range(k)]
        return " ".join(out)

    def headline(self) -> str:
        return self.fill(self.r.choice(self.L["headlines"]))

    def date(self) -> tuple[str, str, str]:
        y, m, d = 2025, self.r.randint(1, 12), self.r.randint(1, 28)
        iso = f"{y}-{m:02d}-{d:02d}"
        text = f"{d} {self.B['months'][m - 1]} {y}" if self.lang == "fr" else f"{self.B['months'][m - 1]} {d}, {y}"
        return iso, text, f"{y}/{m:02d}/{d:02d}"

    def b(self, key: str, **kw) -> str:
        s = self.r.choice(self.B[key])
        names = self.B["names"]
        return s.format(name=self.r.choice(names), name2=self.r.choice(names), site=self.site, n=self.r.randint(2, 140),
                        P=self.r.choice(self.L["places"]), d=self.r.choice(self.L["days"]), A2=_cap(self.r.choice(self.L["actors"])),
                        k=self.r.randint(2, 9), h=kw.get("h") or self.headline(), date=kw.get("date", ""), hh=self.r.randint(6, 22),
                        m=f"{self.r.randint(0, 59):02d}", sec=self.r.choice(self.B["nav"]))


E = html.escape


def _nav(w: _Writer) -> str:
    items = w.r.sample(w.B["nav"], w.r.randint(5, 10))
    cls = w.cls("menu", "main-nav", "nav__list", "topbar")
    return f'<nav class="{cls}"><ul>' + "".join(f'<li><a href="/{E(i.lower())}/">{E(i)}</a></li>' for i in items) + "</ul></nav>"


def _share(w: _Writer) -> str:
    items = w.r.sample(w.B["share"], w.r.randint(2, 5))
    tag = w.r.choice(["div", "ul"])
    inner = "".join(f'<a class="{w.cls("btn-share", "icon")}" href="#">{E(i)}</a>' if tag == "div" else f'<li><a href="#">{E(i)}</a></li>' for i in items)
    return f'<{tag} class="{w.cls("share", "social-bar", "sharing", "tools")}">{inner}</{tag}>'


def _figure(w: _Writer) -> str:
    cap = w.b("caption")
    credit = w.b("credit")
    if w.r.random() < 0.5:
        return f'<figure><img src="/img/{w.r.randint(1, 999)}.jpg" alt=""><figcaption>{E(cap)} {E(credit)}</figcaption></figure>'
    return (f'<div class="{w.cls("media", "visual", "pic")}"><img src="/i/{w.r.randint(1, 999)}.jpg"><p class="{w.cls("caption", "legend", "pic-txt")}">{E(cap)}</p>'
            f'<span class="{w.cls("credit", "copyright", "src")}">{E(credit)}</span></div>')


def _teasers(w: _Writer, head: str, n: int, with_summary: bool) -> str:
    items = []
    for _ in range(n):
        h = w.headline()
        s = f"<p>{E(w.paragraph(w.r.randint(1, 2)))}</p>" if with_summary else ""
        items.append(f'<li><a href="/{w.r.randint(1000, 9999)}.html"><h3>{E(h)}</h3></a>{s}</li>')
    tag = w.r.choice(["aside", "section", "div"])
    htag = w.r.choice(["h2", "h3", "div", "span"])
    return f'<{tag} class="{w.cls("related", "more-stories", "bloc-liens", "widget", "reco")}"><{htag}>{E(head)}</{htag}><ul>{"".join(items)}</ul></{tag}>'


def _cookie(w: _Writer) -> str:
    btns = "".join(f"<button>{E(b)}</button>" for b in w.r.sample(w.B["cookie_btn"], 2))
    return (f'<div id="{w.cls("cookie-banner", "cmp", "consent", "gdpr", "privacy-box")}"><p><strong>{E(w.b("cookie_head"))}</strong></p>'
            f"<p>{E(w.b('cookie_text'))}</p>{btns}</div>")


def _newsletter(w: _Writer) -> str:
    return (f'<div class="{w.cls("newsletter", "nl-box", "signup", "inbox-promo")}"><h3>{E(w.b("news_head"))}</h3><p>{E(w.b("news_text"))}</p>'
            f'<form><input type="email" placeholder="e-mail"><button>{E(w.b("news_btn"))}</button></form></div>')


def _comments(w: _Writer) -> str:
    items = []
    for _ in range(w.r.randint(2, 4)):
        items.append(f'<div class="{w.cls("comment", "msg", "reaction")}"><span class="{w.cls("author", "user", "nick")}">{E(w.r.choice(w.B["users"]))}</span>'
                     f'<p>{E(w.r.choice(w.B["comments"]))}</p><a href="#">{E(w.r.choice(w.B["reply"]))}</a></div>')
    return f'<section id="{w.cls("comments", "discussion", "forum")}"><h2>{E(w.b("comments_head"))}</h2>{"".join(items)}</section>'


def _tags(w: _Writer) -> str:
    tags = w.r.sample(w.L["topics"], 3)
    return f'<div class="{w.cls("tags", "topics", "kw")}"><span>{E(w.b("tags_head"))}</span>' + "".join(f'<a href="#">{E(t)}</a>' for t in tags) + "</div>"


def _footer(w: _Writer) -> str:
    items = w.r.sample(w.B["footer"], w.r.randint(4, 7))
    return "<footer><ul>" + "".join(f"<li>{E(i.format(site=w.site))}</li>" for i in items) + "</ul></footer>"


def _ad(w: _Writer) -> str:
    return f'<div class="{w.cls("ad", "pub", "dfp-slot", "slot")}"><span>{E(w.b("ad"))}</span></div>'


def make_page(idx: int, rng: random.Random) -> BenchPage:
    lang = "fr" if idx % 2 == 0 else "en"
    w = _Writer(rng, lang)
    template = ["semantic", "divsoup", "brbreaks", "sections", "itemprop", "sidebar_first"][idx % 6]
    title = w.headline()
    iso, dtext, upath = w.date()
    url = f"https://www.{re.sub(r'[^a-z]', '', w.site.lower())}.example/{upath}/{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')[:60]}.html"
    # gold body: paragraphs + optional subheadings
    paras: list[tuple[str, str]] = []
    w.pool = rng.sample(w.L["sentences"], len(w.L["sentences"]))
    subheads = rng.sample(w.L["subheads"], 3)
    for j in range(rng.randint(4, 9)):
        text = w.article_paragraph()
        if text is None:
            break
        if j >= 2 and rng.random() < 0.2 and subheads:
            paras.append(("h", subheads.pop()))
        paras.append(("p", text))
    if paras[-1][0] == "h":
        paras.pop()
    gold = "\n\n".join(t for _, t in paras)
    features: list[str] = [template]

    # body html with inline boilerplate
    body_parts: list[str] = []
    n_inline = 0
    for j, (kind, text) in enumerate(paras):
        if kind == "h":
            body_parts.append(f"<h2>{E(text)}</h2>")
        elif template == "brbreaks":
            body_parts.append(E(text) + "<br><br>")
        else:
            body_parts.append(f"<p>{E(text)}</p>")
        if j == 1 and rng.random() < 0.6:
            body_parts.append(_figure(w))
            features.append("figure")
        if 1 <= j < len(paras) - 2 and rng.random() < 0.15 and n_inline < 2:
            ra = w.b("readalso")
            body_parts.append(f'<p class="{w.cls("lire-aussi", "inline-link", "")}"><a href="/x.html">{E(ra)}</a></p>')
            n_inline += 1
            features.append("read_also")
        if j == len(paras) // 2 and rng.random() < 0.3:
            body_parts.append(_ad(w))
            features.append("ad")
        if j == len(paras) // 2 and rng.random() < 0.15:
            body_parts.append(_newsletter(w))
            features.append("newsletter_inline")
    body_html = "".join(body_parts)
    if template == "brbreaks":
        body_html = f'<div class="txt">{body_html}</div>'

    byline = w.b("byline")
    published = w.b("published", date=dtext)
    head_bits = [f'<div class="{w.cls("byline", "author", "signature")}">{E(byline)}</div>', f'<time datetime="{iso}T{rng.randint(6, 20):02d}:00:00+01:00">{E(published)}</time>']
    if rng.random() < 0.4:
        head_bits.append(f'<span class="badge">{E(w.b("reading"))}</span>')
    if rng.random() < 0.4:
        head_bits.insert(0, _share(w))
    rng.shuffle(head_bits)

    # page-level boilerplate, random presence and order
    after = []
    if rng.random() < 0.7:
        after.append(_share(w))
    if rng.random() < 0.5:
        after.append(_tags(w))
    if rng.random() < 0.8:
        after.append(_teasers(w, w.b("related_head"), rng.randint(2, 5), rng.random() < 0.7))
        features.append("related")
    if rng.random() < 0.4:
        after.append(_newsletter(w))
        features.append("newsletter")
    if rng.random() < 0.5:
        after.append(_comments(w))
        features.append("comments")
    if rng.random() < 0.15:
        after.insert(0, f'<div class="{w.cls("paywall", "premium-wall", "locked")}"><p>{E(w.b("paywall"))}</p></div>')
    rng.shuffle(after)
    sidebar = _teasers(w, w.b("mostread"), rng.randint(3, 5), rng.random() < 0.3) if rng.random() < 0.6 else ""
    cookie = _cookie(w) if rng.random() < 0.6 else ""
    cookie_top = rng.random() < 0.5
    header = f'<header><div class="logo">{E(w.site)}</div>{_nav(w)}</header>'
    crumbs = f'<div class="{w.cls("breadcrumb", "ariane", "path")}">{E(w.B["breadcrumb"].format(sec=rng.choice(w.B["nav"]), P=rng.choice(w.L["places"])))}</div>' if rng.random() < 0.5 else ""
    h1 = f"<h1>{E(title)}</h1>"
    lead_meta = "".join(head_bits)

    if template == "semantic":
        main = f"<main><article>{crumbs}{h1}{lead_meta}<div class=\"article-body\">{body_html}</div>{''.join(after)}</article><aside>{sidebar}</aside></main>"
    elif template == "divsoup":
        main = f'<div class="wrap"><div class="col-main">{crumbs}<div class="ttl">{h1}</div>{lead_meta}<div class="content-body">{body_html}</div></div><div class="col-side">{sidebar}</div></div><div class="bottom">{"".join(after)}</div>'
    elif template == "brbreaks":
        main = f'<table><tr><td class="main">{crumbs}{h1}{lead_meta}{body_html}{"".join(after)}</td><td class="side">{sidebar}</td></tr></table>'
    elif template == "sections":
        main = f'<div id="page">{h1}{lead_meta}<section class="story">{body_html}</section>{sidebar}{"".join(after)}</div>'
    elif template == "itemprop":
        main = f'<div itemscope itemtype="https://schema.org/NewsArticle">{crumbs}<h1 itemprop="headline">{E(title)}</h1>{lead_meta}<div itemprop="articleBody">{body_html}</div></div>{"".join(after)}<div class="rail">{sidebar}</div>'
    else:  # sidebar_first: the most-read rail comes before the article in the DOM
        main = f'<div class="rail">{sidebar}</div><div class="story">{crumbs}{h1}{lead_meta}<div class="text">{body_html}</div>{"".join(after)}</div>'

    metas = [f'<meta property="og:title" content="{E(title)}">', f'<meta property="og:site_name" content="{E(w.site)}">']
    if idx % 3 == 0:
        metas.append(f'<meta property="article:published_time" content="{iso}T08:00:00+01:00">')
    elif idx % 3 == 1:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": f"{iso}T08:00:00Z",
              "inLanguage": lang}
        metas.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    if rng.random() < 0.7:
        metas.append(f'<link rel="canonical" href="{url}">')
    html_lang = f' lang="{lang}"' if rng.random() < 0.8 else ""
    scripts = '<script>window.dataLayer=[];function track(){return 1}</script><style>.x{color:red}</style>'
    page = (f"<!DOCTYPE html><html{html_lang}><head><meta charset=\"utf-8\"><title>{E(title)} | {E(w.site)}</title>"
            f"{''.join(metas)}{scripts}</head><body>{cookie if cookie_top else ''}{header}{main}{_footer(w)}"
            f"{'' if cookie_top else cookie}<noscript>Activez JavaScript</noscript></body></html>")
    if cookie:
        features.append("cookie_top" if cookie_top else "cookie_bottom")
    if sidebar:
        features.append("sidebar")
    return BenchPage(f"bench_{idx:03d}_{lang}", lang, template, page, title, iso, gold, url, features)


def generate(n: int = 48, seed: int = 20260204) -> list[BenchPage]:
    rng = random.Random(seed)
    return [make_page(i, rng) for i in range(n)]


# --- flattening: HTML rendered to text the way scrapes are ---------------------------

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "aside",
               "header", "footer", "nav", "main", "figure", "figcaption", "table", "tr", "td", "form", "blockquote",
               "time", "br", "button", "span_block"}


def flatten_html(page_html: str) -> str:
    """Visible text, one line per block element (like copy-paste or a naive scraper)."""
    root = lxml.html.fromstring(page_html)
    for bad in root.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    out: list[str] = []
    buf: list[str] = []

    def flush():
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK_TAGS or tag in ("a", "button") and el.getparent() is not None and el.getparent().tag in ("div", "nav")
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                buf.append(ch.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n".join(out)


def write_corpus(out_dir: Path, n: int = 48, seed: int = 20260204) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = generate(n, seed)
    for p in pages:
        (out_dir / f"{p.page_id}.html").write_text(p.html, encoding="utf-8")
        (out_dir / f"{p.page_id}.gold.txt").write_text(p.body, encoding="utf-8")
    meta = [{"page": p.page_id, "lang": p.lang, "template": p.template, "title": p.title, "published": p.published,
             "url": p.url, "features": p.features} for p in pages]
    (out_dir / "index.jsonl").write_text("\n".join(json.dumps(m, ensure_ascii=False) for m in meta) + "\n", encoding="utf-8")
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "bench_html")
    ap.add_argument("-n", type=int, default=48)
    ap.add_argument("--seed", type=int, default=20260204)
    a = ap.parse_args(argv)
    print(write_corpus(a.out, a.n, a.seed), "pages written to", a.out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
