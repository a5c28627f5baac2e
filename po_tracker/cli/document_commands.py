"""``po-tracker export case`` and ``po-tracker export review``: the promotion case and
the review digest as Markdown, PDF or Word. The target is checked before the logbook is
read, so a refused file costs nothing and writes nothing."""

from __future__ import annotations

from datetime import date

from ..services.errors import ValidationError

CASE_FORMATS = (".md", ".pdf", ".docx")
REVIEW_FORMATS = (".md", ".pdf")


def _target(args, allowed: tuple[str, ...]):
    from ..documents import formats as export

    try:
        return export.check(args.file, force=args.force, allowed=allowed)
    except ValueError as error:
        raise ValidationError.single("FILE", str(error)) from None


def export_case(args, db) -> int:
    from ..documents import case_document
    from ..documents import formats as export
    from ..services.career import promotion_case

    _target(args, CASE_FORMATS)
    prepared = export.prepare(args.file, args.paper)
    as_of = args.as_of or date.today()
    with db.read() as session:
        case = promotion_case.build(session, as_of, stage=args.stage, since=args.since)
    document = case_document.build_document(case)
    export.write(document, args.file, force=args.force, paper=args.paper, prepared=prepared)
    print(f"Wrote the promotion case for {case.stage} to {args.file}")
    return 0


def export_review(args, db) -> int:
    from ..documents import formats as export
    from ..documents import review_document
    from ..services.career import review_digest

    _target(args, REVIEW_FORMATS)
    prepared = export.prepare(args.file, args.paper)
    until = args.until or date.today()
    with db.read() as session:
        digest = review_digest.build(session, args.since, until)
    document = review_document.build_document(digest)
    export.write(document, args.file, force=args.force, paper=args.paper, prepared=prepared)
    print(f"Wrote the review of {args.since} to {until} to {args.file}")
    return 0
