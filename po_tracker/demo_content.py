"""What the demo profile logs, apart from the journal (``demo_journal``): a Product Owner
at a mid-size fintech, about four years in, aiming for Senior Product Owner.

Every date is a number of days before ``today`` (negative: in the future), so the demo
always looks current. Skills and credentials are catalog slugs; people are contacts'
names. Keys ("cspo-course") let journal entries link to the trainings and events they
reflect on.
"""

from __future__ import annotations

CURRENT_STAGE = "product-owner"
TARGET_STAGE = "senior-product-owner"

# role, organization, start (days ago), end (days ago or None), sprints, products,
# team size, ceremonies facilitated, people mentored, notes
EXPERIENCE = (
    ("Junior Product Owner", "Brightline Insurance", 1520, 850, 36, 1, 7, 110, 0,
     "Claims self-service portal. Assisted the senior PO, owned the backlog for the "
     "document-upload flow and ran refinement from my second quarter on."),
    ("Product Owner, Merchant onboarding", "Ledgerly", 830, 300, 38, 1, 8, 150, 0,
     "Owned onboarding for small merchants: KYC checks, document collection and "
     "activation. Cut median time-to-first-payment from 9 days to 4."),
    ("Product Owner, Payouts", "Ledgerly", 299, None, 21, 2, 9, 85, 1,
     "Payouts squad: instant and scheduled payouts, payout-failure handling. Mentoring "
     "Nora, a junior PO who joined in the spring."),
)  # fmt: skip

# name (catalog slug or custom name), custom, status, earned (days ago), typed expiry
# (days ago), issuer, credential number, verification URL, cost, currency, notes
CERTIFICATIONS = (
    ("csm", False, "expired", 1400, None, "", "000812345", "", 995.0, "EUR",
     "Taken in my first months as a junior PO, paid by Brightline. I let it lapse once I "
     "moved to the product owner track."),
    ("pspo-i", False, "earned", 1150, None, "", "PSPO-I-771204",
     "https://www.scrum.org/certificates/771204", 200.0, "USD",
     "Passed at the second attempt (93 %). The open assessments were the best preparation."),
    ("cspo", False, "earned", 689, None, "", "001094417", "", 1150.0, "EUR",
     "Two-day course in Berlin, paid by Ledgerly. Renewal is due soon: log the SEUs and "
     "pay the fee before the expiry date."),
    ("Google Analytics Certification", True, "earned", 200, -165, "Google Skillshop",
     "GA4-55120", "https://skillshop.exceedlms.com/profiles/55120", None, None,
     "Valid for twelve months; useful for reading the merchant funnel without asking data."),
    ("safe-popm", False, "planned", None, None, "", "", "", 1095.0, "EUR",
     "Ledgerly moves the payments teams to SAFe next year; the course is booked."),
)  # fmt: skip

# key, days ago, title, provider, format, hours, cost (EUR), skills, status, notes
TRAININGS = (
    ("scrum-basics", 1500, "Scrum fundamentals for new Product Owners",
     "Brightline internal academy", "workshop", 8, None,
     ("agile-and-scrum-practice", "backlog-management-and-prioritization"), "completed",
     "Good overview; the sprint review role-play was the most useful part."),
    ("csm-course", 1402, "Certified ScrumMaster course", "Scrum Alliance (CST-led, online)",
     "course", 16, None, ("agile-and-scrum-practice", "communication"), "completed",
     "Course fee is logged with the certification."),
    ("story-mapping", 1350, "User Story Mapping (Jeff Patton)", "O'Reilly", "book", 10, 38,
     ("backlog-management-and-prioritization", "customer-focus"), "completed",
     "Rebuilt the claims backlog as a map the week after."),
    ("digital-pm", 1290, "Digital Product Management: Modern Fundamentals", "Coursera",
     "course", 14, 45, ("product-vision-and-strategy", "customer-focus"), "completed", ""),
    ("acceptance-criteria", 1230, "Writing acceptance criteria testers love",
     "Ministry of Testing", "webinar", 1.5, None,
     ("communication", "cross-functional-collaboration"), "completed", ""),
    ("pspo-prep", 1180, "PSPO I preparation: Scrum Guide and open assessments", "Scrum.org",
     "self-study", 12, None, ("agile-and-scrum-practice",), "completed", ""),
    ("inspired", 1100, "Inspired (Marty Cagan)", "Wiley", "book", 9, 29,
     ("product-vision-and-strategy", "customer-focus"), "completed", ""),
    ("sql", 1040, "SQL for product people", "DataCamp", "course", 10, 120,
     ("data-driven-decision-making", "technical-understanding"), "completed",
     "Enough to write my own funnel queries against the read replica."),
    ("impact-mapping", 980, "Impact mapping hands-on", "Northbridge Agile Academy",
     "workshop", 7, 450, ("product-vision-and-strategy", "stakeholder-management"),
     "completed", ""),
    ("discovery-habits", 930, "Continuous Discovery Habits (Teresa Torres)", "Product Talk",
     "book", 8, 32, ("customer-focus", "market-research-and-positioning"), "completed", ""),
    ("payments-101", 820, "Payments 101: card schemes, acquiring and settlement",
     "Ledgerly onboarding academy", "workshop", 6, None,
     ("technical-understanding", "adaptability"), "completed",
     "New domain for me: settlement cycles and chargebacks finally make sense."),
    ("regulation", 720, "PSD2 and KYC basics for product teams", "Ledgerly compliance team",
     "self-study", 4, None, ("technical-understanding", "stakeholder-management"),
     "completed", ""),
    ("cspo-course", 691, "Certified Scrum Product Owner course", "Scrum Alliance (CST-led, Berlin)",
     "course", 16, None,
     ("backlog-management-and-prioritization", "product-vision-and-strategy",
      "stakeholder-management"), "completed", "Course fee is logged with the certification."),
    ("build-trap", 620, "Escaping the Build Trap (Melissa Perri)", "O'Reilly", "book", 7, 30,
     ("product-vision-and-strategy", "data-driven-decision-making"), "completed", ""),
    ("amplitude", 560, "Product analytics fundamentals", "Amplitude Academy", "course", 6,
     None, ("data-driven-decision-making",), "completed", ""),
    ("facilitation", 500, "Facilitation skills for product people",
     "Northbridge Agile Academy", "workshop", 8, 520, ("communication", "leadership"),
     "completed", "Liberating Structures: 1-2-4-All now opens every refinement I run."),
    ("pricing", 430, "Pricing and packaging for B2B products", "Mind the Product", "webinar",
     1.5, None, ("market-research-and-positioning",), "completed", ""),
    ("ai-for-everyone", 380, "AI For Everyone", "DeepLearning.AI (Coursera)", "course", 6, 45,
     ("emerging-technologies",), "completed", ""),
    ("radical-candor", 372, "Radical Candor (Kim Scott)", "St. Martin's Press", "book", 8, 25,
     ("leadership", "mentoring-and-coaching"), "completed", ""),
    ("negotiation", 280, "Negotiation for product decisions", "Northbridge Agile Academy",
     "workshop", 7, 480, ("stakeholder-management", "critical-thinking-and-decision-making"),
     "completed", "BATNA for roadmap talks: know what you do if Sales says no."),
    ("obviously-awesome", 210, "Obviously Awesome (April Dunford)", "Ambient Press", "book",
     5, 22, ("market-research-and-positioning",), "completed", ""),
    ("llm-regulated", 150, "LLM features in regulated products", "Mind the Product",
     "webinar", 1.5, None, ("emerging-technologies", "technical-understanding"), "completed",
     ""),
    ("coaching", 95, "Coaching for leads: from advice to questions", "Northbridge Agile Academy",
     "course", 6, 390, ("mentoring-and-coaching", "leadership"), "completed", ""),
    ("ost-practice", 40, "Opportunity solution trees on the payouts backlog", "",
     "self-study", 4, None, ("customer-focus", "critical-thinking-and-decision-making"),
     "completed", "Practised on our own backlog with Emma's interview notes."),
    ("data-storytelling", 12, "Data storytelling for product reviews", "LinkedIn Learning",
     "course", 3, None, ("data-driven-decision-making", "communication"), "in-progress", ""),
    ("popm-course", -35, "SAFe Product Owner / Product Manager (POPM) course",
     "Scaled Agile (via Ledgerly)", "course", 16, None,
     ("agile-and-scrum-practice", "product-vision-and-strategy"), "planned",
     "Booked for the week before PI planning; the exam fee is included."),
)  # fmt: skip

# name, organization, role, notes
CONTACTS = (
    ("Priya Raman", "Northwind Bank", "Group Product Manager",
     "My mentor since the Brightline days. Monthly call, first Tuesday."),
    ("Jonas Becker", "Brightline Insurance", "Agile coach", "Taught me refinement."),
    ("Aisha Okafor", "Paylane", "Senior Product Owner", "Runs the POs of Europe Slack."),
    ("Tomás Silva", "Ledgerly", "Engineering manager, Payouts", ""),
    ("Emma Nilsson", "", "UX researcher (freelance)", "Does our merchant interviews."),
    ("Marco Rossi", "Tidewater Analytics", "Product manager", ""),
    ("Hannah Vogel", "Ledgerly", "Scrum Master", ""),
    ("Daniel Kim", "Ledgerly", "Staff engineer", "Knows the ledger service inside out."),
    ("Sofia Moreau", "Clearstone Capital", "VP Product", "Met at #mtpcon; open to coffee."),
    ("Lukas Weber", "Berlin Product People", "Meetup organiser", ""),
    ("Fatima Haddad", "Ledgerly", "Head of Risk and Compliance", ""),
    ("Oliver Grant", "", "Product coach (freelance)", ""),
    ("Mei Chen", "Ledgerly", "Data scientist", "Built the payout-failure model."),
    ("Rafael Ortega", "Kitebase", "Founder", "Marketplace payouts, potential design partner."),
    ("Nora Lindberg", "Ledgerly", "Junior Product Owner", "My mentee since the spring."),
)  # fmt: skip

# key, days ago, title, type, location, online, hours, contacts, takeaways,
# follow-up (days ago or None), follow-up done
# Which way each mentoring event went: Priya mentors the user; the user mentors Nora.
MENTORING = {"priya": "received", "nora": "gave"}
EVENTS = (
    ("bpp-41", 1460, "Berlin Product People #41: backlogs that tell a story", "meetup",
     "Berlin", False, 2.5, ("Lukas Weber", "Jonas Becker"),
     "Order the backlog by outcome, not by request date.", None, False),
    ("po-stance", 1380, "Scrum.org webinar: the Product Owner stance", "webinar", "", True,
     1, (), "The 'value maximiser' stance versus the 'scribe'.", None, False),
    ("agile-tour", 1300, "Agile Tour Berlin", "conference", "Berlin", False, 8,
     ("Jonas Becker", "Oliver Grant"), "Two talks on product goals; good hallway chats.",
     1290, True),
    ("priya-1", 1200, "Mentoring with Priya: from junior to PO", "mentoring", "", True, 1,
     ("Priya Raman",), "Own one outcome end to end before asking for the title.", None, False),
    ("po-slack", 1120, "POs of Europe forum: refinement that does not drag", "forum", "",
     True, 1, ("Aisha Okafor",), "Time-box each item; split anything over 8 points.", None,
     False),
    ("bpp-48", 1050, "Berlin Product People #48: discovery in regulated industries",
     "meetup", "Berlin", False, 2.5, ("Lukas Weber", "Aisha Okafor", "Marco Rossi"),
     "Compliance as a design partner, not a gate.", 1040, True),
    ("priya-2", 980, "Mentoring with Priya: preparing for PO interviews", "mentoring", "",
     True, 1, ("Priya Raman",), "Tell the claims-portal story as a bet with a result.", None,
     False),
    ("story-dojo", 900, "Story mapping dojo", "workshop", "Berlin", False, 4,
     ("Emma Nilsson", "Oliver Grant"), "Walking skeleton first; slices by outcome.", None,
     False),
    ("mtpcon", 820, "#mtpcon London", "conference", "London", False, 14,
     ("Marco Rossi", "Sofia Moreau"), "Outcome roadmaps; product ops is coming.", 810, True),
    ("fpc-onboarding", 700, "FinTech Product Circle: onboarding conversion", "meetup",
     "Berlin", False, 2, ("Rafael Ortega", "Aisha Okafor"),
     "Progressive KYC: ask for documents only when the merchant needs the limit.", 690,
     True),
    ("priya-3", 640, "Mentoring with Priya: a stakeholder map for onboarding", "mentoring",
     "", True, 1, ("Priya Raman",), "Map interest and influence; meet Risk weekly.", None,
     False),
    ("outcome-roadmaps", 560, "Mind the Product webinar: outcome roadmaps", "webinar", "",
     True, 1, (), "Now / next / later with a metric per line.", None, False),
    ("lean-coffee", 500, "Lean Coffee for Product Owners", "workshop", "Berlin", False, 2,
     ("Oliver Grant", "Hannah Vogel"), "Most POs struggle with saying no, not with Jira.",
     None, False),
    ("money2020", 430, "Money20/20 Europe", "conference", "Amsterdam", False, 16,
     ("Sofia Moreau", "Rafael Ortega", "Marco Rossi"),
     "Instant payouts are table stakes; reconciliation is where merchants hurt.", 420, True),
    ("nora-1", 340, "Mentoring Nora: her first sprint review", "mentoring", "Berlin", False,
     1, ("Nora Lindberg",), "Let her run it; debrief with two questions, not advice.", None,
     False),
    ("guild-payouts", 300, "Ledgerly product guild: payout failures deep-dive", "forum",
     "Berlin", False, 2, ("Tomás Silva", "Mei Chen", "Fatima Haddad"),
     "Thirty percent of failures are wrong IBANs we could catch at entry.", 290, True),
    ("bpp-63", 240, "Berlin Product People #63: Product Owners and AI features", "meetup",
     "Berlin", False, 2.5, ("Lukas Weber", "Mei Chen", "Aisha Okafor"),
     "Ship AI behind a human check first; measure overrides.", None, False),
    ("priya-4", 170, "Mentoring with Priya: the case for Senior PO", "mentoring", "", True,
     1, ("Priya Raman",), "Gaps: stakeholder management at exec level, mentoring, market work.",
     160, True),
    ("product-goals", 110, "Scrum Alliance webinar: product goals in practice", "webinar", "",
     True, 1, (), "One product goal at a time; sprint goals ladder up to it.", None, False),
    ("pi-rehearsal", 60, "Cross-team PI planning rehearsal", "workshop", "Berlin", False, 6,
     ("Tomás Silva", "Hannah Vogel", "Daniel Kim"),
     "Dependencies on the ledger team need to be visible two sprints earlier.", 5, False),
    ("fpc-instant", 25, "FinTech Product Circle: instant payouts", "meetup", "Berlin", False,
     2, ("Rafael Ortega", "Marco Rossi"),
     "Rafael would pilot scheduled payouts; send him our failure taxonomy.", 3, False),
    ("nora-2", 8, "Mentoring Nora: writing her first product goal", "mentoring", "Berlin",
     False, 1, ("Nora Lindberg",), "Her goal was a feature list; we reframed it as a change "
     "in merchant behaviour.", -14, False),
)  # fmt: skip

# Self-assessment levels at the first and the latest assessment, per skill; the ones in
# between grow along a curve (see demo.py). The latest levels leave believable gaps to
# Senior Product Owner: stakeholder management, critical thinking, leadership, mentoring
# and market research.
SKILL_GROWTH = {
    "communication": (2, 4),
    "stakeholder-management": (2, 3),
    "backlog-management-and-prioritization": (2, 4),
    "technical-understanding": (1, 3),
    "critical-thinking-and-decision-making": (2, 3),
    "customer-focus": (2, 4),
    "agile-and-scrum-practice": (2, 4),
    "leadership": (1, 2),
    "mentoring-and-coaching": (1, 2),
    "product-vision-and-strategy": (1, 3),
    "market-research-and-positioning": (1, 2),
    "data-driven-decision-making": (1, 3),
    "emerging-technologies": (1, 2),
    "adaptability": (2, 4),
    "cross-functional-collaboration": (2, 4),
}
FIRST_ASSESSMENT_DAYS_AGO = 1500
ASSESSMENT_EVERY_DAYS = 91

# days ago, skill, level, source, evidence note
OTHER_RATINGS = (
    (1000, "backlog-management-and-prioritization", 3, "manager",
     "Year-end review at Brightline: 'the backlog is the best-kept in the department'."),
    (960, "communication", 3, "peer", "Jonas: sprint reviews are clear, demos run long."),
    (640, "stakeholder-management", 2, "manager",
     "Probation review at Ledgerly: Risk felt surprised by the KYC change."),
    (600, "technical-understanding", 2, "peer", "Daniel: asks the right questions on the ledger."),
    (420, "stakeholder-management", 3, "manager",
     "Mid-year: weekly Risk sync fixed the surprises; Sales still escalates around me."),
    (365, "data-driven-decision-making", 3, "peer", "Mei: writes her own queries now."),
    (270, "cross-functional-collaboration", 4, "peer",
     "Tomás, after the payouts rewrite: 'the first PO who joined our incident review'."),
    (180, "leadership", 2, "manager", "Year-end: lead the guild session on payout failures."),
    (150, "mentoring-and-coaching", 2, "peer", "Nora: questions help more than answers."),
    (45, "stakeholder-management", 3, "manager",
     "Quarterly check-in: good with Risk and Ops; needs to own the exec roadmap review."),
)  # fmt: skip

# text, target (days ago), status, skill, credential, requirement, notes
GOALS = (
    ("Pass PSPO I", 1140, "done", None, "pspo-i", None, "Passed with 93 %."),
    ("Go to at least four product events a year", 30, "done", None, None, "events_12m",
     "Eight in the last twelve months."),
    ("Renew CSPO before it expires", -35, "in-progress", None, "cspo", None,
     "Count the SEUs from the last two years, then pay the renewal fee."),
    ("Run the quarterly payouts roadmap review with Sales and Risk myself", -100,
     "in-progress", "stakeholder-management", None, None,
     "Manager's feedback: own the exec conversation, do not hand it to my lead."),
    ("Mentor a second junior PO through their first quarter", -180, "open", None, None,
     "people_mentored", "Senior PO asks for two people mentored; Nora is the first."),
    ("Write a market sizing for SME payouts and present it to the product leads", 20,
     "open", "market-research-and-positioning", None, None,
     "Slipped behind the PI rehearsal; needs a new date."),
    ("Complete SAFe POPM before the first PI planning", -60, "open", None, "safe-popm", None,
     ""),
)  # fmt: skip

# title, days ago, what was done, impact, metric (name, before, after, unit) or None,
# skills, stage requirements shown, people involved
WINS = (
    ("Took the document-upload flow from three steps to one", 1200,
     "Merged the upload, review and confirm screens after five customer interviews.",
     "Fewer abandoned claims; the call centre's upload questions dropped by a third.",
     ("Claims abandoned at upload", 18, 11, "%"),
     ("customer-focus", "backlog-management-and-prioritization"), (), ("Jonas Becker",)),
    ("Cut merchant time-to-first-payment from 9 days to 4", 560,
     "Re-ordered KYC checks so the slow ones run in parallel; agreed the risk "
     "thresholds with Risk and Compliance in a weekly sync.",
     "Merchants get paid in their first week; activation within 30 days rose.",
     ("Median time to first payment", 9, 4, "days"),
     ("stakeholder-management", "data-driven-decision-making"), (),
     ("Fatima Haddad", "Mei Chen")),
    ("Shipped instant payouts with zero downtime", 240,
     "Led the payouts squad through the ledger migration; ran the incident reviews "
     "with engineering.", "Instant payouts became the default for 40 % of merchants.",
     ("Merchants on instant payouts", 0, 40, "%"),
     ("cross-functional-collaboration", "technical-understanding", "leadership"),
     ("team_size", "products_owned"), ("Tomás Silva", "Daniel Kim")),
    ("Brought payout failures under 1 %", 120,
     "Used Mei's failure model to retry the right payouts and warn merchants early.",
     "Support tickets about failed payouts halved.",
     ("Payout failure rate", 2.7, 0.8, "%"),
     ("data-driven-decision-making", "product-vision-and-strategy"), (),
     ("Mei Chen", "Tomás Silva")),
    ("Coached Nora through her first quarter as PO", 40,
     "Weekly backlog sessions and shadowing in refinement; she now runs the payouts "
     "refinement alone.", "A second PO in the squad; I spend the time on strategy.", None,
     ("mentoring-and-coaching", "leadership"), ("people_mentored",), ("Nora Lindberg",)),
)  # fmt: skip

# days ago, quote, from (a contact), role, skills with the level seen (or None)
FEEDBACK = (
    (980, "Sprint reviews are the clearest in the department; the demos could be shorter.",
     "Jonas Becker", "peer", (("communication", 3),)),
    (540, "The KYC change landed without surprises this time: the weekly sync works.",
     "Fatima Haddad", "stakeholder", (("stakeholder-management", 3),)),
    (230, "The first PO who joined our incident reviews and understood the ledger.",
     "Tomás Silva", "peer",
     (("cross-functional-collaboration", 4), ("technical-understanding", 3))),
    (180, "Ready to lead the guild session on payout failures; own the room.",
     "Priya Raman", "mentor", (("leadership", 3), ("product-vision-and-strategy", None))),
    (60, "Your questions help more than the answers would.", "Nora Lindberg", "report",
     (("mentoring-and-coaching", 3),)),
    (45, "Good with Risk and Ops; next, own the exec roadmap review yourself.",
     "Priya Raman", "manager", (("stakeholder-management", 3), ("leadership", 3))),
    (20, "Instant payouts changed how we run the marketplace; thank you.", "Rafael Ortega",
     "customer", (("customer-focus", 4),)),
)  # fmt: skip
