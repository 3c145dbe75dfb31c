"""postsoviet-security-kg: a linked-data graph of post-Soviet security alliances.

Built from Sophie Momzikoff's article « Alliances et coopérations sécuritaires au
sein de l'espace postsoviétique », every fact quoted from it, linked to Wikidata.
"""

__version__ = "0.1.0"
