"""Documents the user sends: the promotion case and the review digest. A builder turns a
service's frozen value into a ``Document`` (headings, paragraphs, lists, quotes); one
module per format writes it. Pure functions: no database, no Qt."""
