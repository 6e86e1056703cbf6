"""Demo sector pages: slugs, English titles, introductions and colours."""

# code: (slug, English title, Spanish intro, English intro, colour palette)
SECTOR_PAGES = {
    "publishing": (
        "edicion",
        "Publishing and books",
        "Edición independiente, cadena del libro, traducción y circulación de "
        "catálogos entre Chile, Colombia, México y Perú.",
        "Independent publishing, the book chain, translation and the circulation "
        "of lists between Chile, Colombia, Mexico and Peru.",
        ("#7a2e3a", "#d9a441", "#f3e6cf", "#2f4858"),
    ),
    "music": (
        "musica",
        "Music",
        "Producción musical, sonido en vivo, derechos y circulación de la música "
        "independiente.",
        "Music production, live sound, rights and the circulation of independent "
        "music.",
        ("#1d3557", "#e63946", "#f1faee", "#457b9d"),
    ),
    "performing-arts": (
        "artes-escenicas",
        "Performing arts (theatre, dance, circus)",
        "Producción, regiduría, técnica escénica y giras de teatro, danza y circo.",
        "Production, stage management, stagecraft and touring for theatre, dance "
        "and circus.",
        ("#3d1f4f", "#f28c28", "#fbe8d3", "#8e3b73"),
    ),
    "audiovisual": (
        "audiovisual",
        "Audiovisual",
        "Producción, posproducción y distribución de cine y contenidos audiovisuales.",
        "Production, post-production and distribution of film and audiovisual content.",
        ("#0b3c49", "#c7ef00", "#e9f5f2", "#2a7f62"),
    ),
    "heritage": (
        "patrimonio",
        "Cultural heritage",
        "Gestión, conservación y mediación del patrimonio cultural material e "
        "inmaterial.",
        "Management, conservation and interpretation of tangible and intangible "
        "cultural heritage.",
        ("#5b3a29", "#b5835a", "#efe3d3", "#6b8f71"),
    ),
    "creative-trades": (
        "oficios-creativos",
        "Other cultural and creative trades",
        "Artesanía, diseño y otros oficios culturales y creativos.",
        "Crafts, design and other cultural and creative trades.",
        ("#264653", "#e9c46a", "#f4f1de", "#e76f51"),
    ),
}
