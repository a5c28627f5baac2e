"""The demo profile's journal: reflective entries over four years, with tags, a few
prompts answered and links (``"training:KEY"``, ``"event:KEY"``, see ``demo_content``).

Each entry: days before today, title, tags, prompt answered (or ""), links, Markdown body.
"""

from __future__ import annotations

JOURNAL = (
    (1495, "First week as a junior PO", ("onboarding", "backlog"), "", ("training:scrum-basics",),
     "Shadowed Karin in refinement all week. The claims backlog has 340 items and nobody can "
     "say which ten matter. My job for the quarter: **make the top of the backlog "
     "trustworthy**. I asked the team what they hate about refinement; the answer was "
     "'stories that are really three stories'. Starting with that."),
    (1440, "Splitting stories with the team", ("backlog", "refinement"), "", (),
     "Tried the SPIDR splitting cards in refinement. The upload story became four: happy "
     "path, large files, wrong format, retry. The team estimated all four in ten minutes. "
     "Lesson: splitting is a team sport, I should bring the question, not the answer."),
    (1380, "Why I took the CSM course", ("learning", "scrum"), "", ("training:csm-course",),
     "Two days on the Scrum Master role, paid by Brightline. I wanted to understand what "
     "Jonas does all day. The most useful bit for a PO: the sprint goal is a "
     "**commitment to an outcome**, not to a list. I have been writing sprint goals as "
     "lists of tickets."),
    (1330, "Story map for the claims portal", ("discovery", "backlog"), "",
     ("training:story-mapping",),
     "Rebuilt the backlog as a story map on the wall. Claimants' journey across the top: "
     "report, upload, track, get paid. For the first time the team saw that 'track' had "
     "nothing in it, and that is where the call-centre load comes from. Moved two "
     "tracking stories to the next sprint."),
    (1260, "A stakeholder said no", ("stakeholders",),
     "Which stakeholder did you disagree with recently, and what did you do to keep them "
     "aligned with the product goal?", (),
     "The claims director wanted a PDF export before the status tracker. I disagreed but "
     "did not say why clearly. Next time: show the call-centre numbers first, then the "
     "proposal. He agreed after seeing 1,200 'where is my claim' calls a week."),
    (1190, "Retro: the sprint we missed", ("retro", "team"), "", (),
     "We missed the sprint goal for the first time. Root cause in the retro: I accepted a "
     "'small' change from Legal on day six. The team agreed on a rule: changes mid-sprint "
     "go through me and I say what drops out. Writing it on the team page."),
    (1150, "Passed PSPO I", ("certification", "scrum"), "", ("training:pspo-prep",),
     "93 % at the second attempt. The first time I read the questions as a Scrum Master "
     "would. What helped: doing the open assessment until I could explain every wrong "
     "answer out loud."),
    (1080, "Reading Inspired", ("learning", "vision"), "", ("training:inspired",),
     "Cagan's point that a PO who only manages the backlog is a 'backlog administrator' "
     "stung. At Brightline the roadmap is decided above me. I can still bring evidence: "
     "started a monthly digest of claimant interviews for the product lead."),
    (1000, "Talking to Priya about the next step", ("career", "mentoring"), "",
     ("event:priya-2",),
     "Priya's advice: stop asking for the title, tell the story of one outcome I owned. The "
     "claims tracker cut calls by 30 %; that is my story. She also said fintech would "
     "stretch me more than another insurer. Updating my CV this weekend."),
    (900, "Story mapping dojo", ("discovery", "networking"), "", ("event:story-dojo",),
     "Half a day with Emma and Oliver mapping a fictional bike-rental app. Emma does "
     "research for fintechs; we swapped numbers. Best trick: slice the map by outcome "
     "('a new user can rent a bike'), not by component."),
    (835, "First day at Ledgerly", ("onboarding", "career"), "", (),
     "New company, new domain. Merchant onboarding: 14 steps, 9 days median to first "
     "payment. Tomás gave me the architecture tour; I understood half. Plan for the first "
     "month: listen, map the funnel, read every support ticket about onboarding."),
    (815, "What #mtpcon changed for me", ("conference", "roadmap"), "", ("event:mtpcon",),
     "Two days in London. The talk on outcome roadmaps was the one: every line of the "
     "roadmap states the change in customer behaviour we expect. Sofia Moreau (VP Product, "
     "Clearstone) said she hires POs who can explain their last 'no'. Noted."),
    (790, "Payments 101", ("learning", "fintech"), "", ("training:payments-101",),
     "Finally understand settlement: why a merchant sees money two days after the card "
     "payment, and why chargebacks reach us weeks later. Half of our onboarding questions "
     "from merchants are really settlement questions. Raised it with Support."),
    (740, "Progressive KYC decision", ("decision", "onboarding", "stakeholders"),
     "What decision did you make this week with limited information, and how would you "
     "judge it now?", ("event:fpc-onboarding",),
     "Proposed asking for documents only when a merchant needs a higher limit. Risk was "
     "worried, rightly. We agreed a pilot with a 2,000 EUR limit and weekly review with "
     "Fatima. Limited data: only two competitors' flows and a hunch from the meetup."),
    (690, "CSPO course", ("certification", "learning"), "", ("training:cspo-course",),
     "Two days in Berlin. The exercise where we ordered a backlog by cost of delay was "
     "worth the fee. I still order by gut and loudest stakeholder more than I admit. Trying "
     "a simple cost-of-delay column in our next refinement."),
    (650, "Pilot results: progressive KYC", ("data", "onboarding"), "", (),
     "Six weeks in: time to first payment down from 9 days to 5 in the pilot group, no "
     "increase in fraud flags. Fatima wants three more months of data before we roll out "
     "further. Fair. Wrote it up as a one-pager with the numbers and the open risks."),
    (600, "Retro: the release nobody noticed", ("retro", "communication"), "", (),
     "We shipped the new document upload and Sales heard about it from a merchant. I had "
     "posted in the product channel; nobody in Sales reads it. From now on: a short release "
     "note to Sales and Support leads, in their channel, the day before."),
    (540, "Learning to read our own data", ("data", "learning"), "", ("training:amplitude",),
     "Built the onboarding funnel in Amplitude myself instead of asking Mei. Found that 40 % "
     "drop at the bank-account step, not at KYC as everyone assumed. Took the chart to "
     "refinement; the team proposed IBAN validation at entry."),
    (480, "Facilitation workshop", ("learning", "facilitation"), "", ("training:facilitation",),
     "1-2-4-All in refinement: everyone thinks alone for a minute, then pairs, then fours. "
     "The quiet engineers spoke first for once. Daniel raised a ledger constraint that "
     "would have cost us a sprint."),
    (425, "Money20/20 notes", ("conference", "fintech", "market"), "", ("event:money2020",),
     "Everyone sells instant payouts now. The merchants I spoke to care more about "
     "reconciliation: matching payouts to orders. Rafael (Kitebase) would be a design "
     "partner. I have no market sizing to back this up, which is a gap."),
    (310, "Moving to the payouts squad", ("career", "decision"), "", (),
     "Asked to take over payouts from Ana, who leaves in a month. Harder product, more "
     "incidents, closer to the money. Said yes. Handing onboarding to Nora, who joins as a "
     "junior PO, means I start mentoring sooner than planned."),
    (295, "Payout failures deep-dive", ("data", "incident"), "", ("event:guild-payouts",),
     "Mei's analysis: 30 % of payout failures are wrong IBANs typed at onboarding, the step "
     "I owned last year. Humbling. Proposed the check-digit validation for next sprint; "
     "Tomás estimated two days."),
    (250, "Mentoring Nora: what I would tell my junior self", ("mentoring",),
     "How did you help someone else grow this month?", ("event:nora-1",),
     "Nora ran her first sprint review. I wanted to jump in twice and did not. In the "
     "debrief I asked two questions: what surprised you, what would you change. She "
     "answered both better than I would have. Radical Candor is making me less of an "
     "advice machine."),
    (200, "Saying no to the partnership team", ("stakeholders", "decision"), "", (),
     "Partnerships wanted a custom payout schedule for one large merchant. I said no and "
     "offered a configurable schedule for everyone next quarter. They escalated. My lead "
     "backed me, but I should have brought the trade-off to the VP myself instead of "
     "letting it escalate."),
    (168, "Priya on the Senior PO case", ("career", "mentoring"), "", ("event:priya-4",),
     "Priya's read of my gaps: exec-level stakeholder work, mentoring more than one "
     "person, and market work (I argue from customer anecdotes, not from a market view). "
     "Turned each into a goal in the plan."),
    (130, "Roadmap review dry run", ("roadmap", "stakeholders"), "", (),
     "Dry run of the quarterly roadmap review with my lead. Feedback: lead with the "
     "outcome metric per line, not with the features. Rewrote the deck as now / next / "
     "later with one metric each. Sales will ask about the big merchant again; prepared "
     "the cost-of-delay numbers."),
    (90, "Retro: incident week", ("retro", "incident", "team"), "", (),
     "A ledger migration delayed payouts for 3 % of merchants for a day. The team handled "
     "it well; I did not. I spent the day in Slack answering Sales instead of writing one "
     "status update every two hours. Next time: one owner for comms, and that is me."),
    (55, "PI planning rehearsal", ("planning", "team"), "", ("event:pi-rehearsal",),
     "Rehearsed PI planning with three teams. Our dependencies on the ledger team were "
     "invisible until day two. Lesson for the real thing: a dependency board before the "
     "event. Booked the POPM course so I understand the SAFe vocabulary first."),
    (22, "Design partner conversation", ("market", "networking"), "", ("event:fpc-instant",),
     "Rafael would pilot scheduled payouts at Kitebase. Still owe him the failure "
     "taxonomy. This is the kind of evidence the market sizing needs: three partners like "
     "him and the SME segment numbers from Mei."),
    (6, "What Senior PO means to me", ("career", "reflection"),
     "Where do you want to be in two years, and what is the next step?", (),
     "Not a bigger backlog: owning the *why* for a product area, and growing the people "
     "around me. Next steps, in order: renew CSPO, run the next roadmap review myself, "
     "finish the market sizing I let slip, and keep mentoring Nora."),
)  # fmt: skip
