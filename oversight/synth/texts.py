"""Short synthetic texts: what a child said, what changed because of it, what a manager wrote.

Sentences are made from small fixed lists, so they read like records without
describing anyone real.
"""

import random

from oversight.casework.models import HowExpressed

YOUNG_VIEWS = (
    "Smiled and reached for mum when she came into the room.",
    "Settled quickly, played with the cars and babbled happily.",
    "Was unsettled when the worker arrived and calmed when held by grandma.",
    "Made good eye contact and was interested in the toys.",
    "Clung to dad and cried when he left the room.",
)
CHILD_VIEWS = (
    "Said she likes living with her nan and wants to see her brother more.",
    "Drew a picture of his house and said he feels safe at home now.",
    "Said the shouting at night makes him scared.",
    "Said school is good and her best friend is Maya.",
    "Said he wants mum to stop drinking.",
    "Said she misses her dog and wants to go home.",
    "Said things are better since dad moved out.",
    "Did not want to talk today but said she was okay.",
)
TEEN_VIEWS = (
    "Said he wants more say in when he sees his family.",
    "Said she feels nobody listens to her at meetings.",
    "Said college is going well and he wants to learn to drive.",
    "Said she is worried about money and her flat.",
    "Said he does not feel safe in the area and wants to move.",
    "Said she wants to stay where she is until she is 18.",
    "Said the new placement is better and the carers are kind.",
    "Said he would like a different worker because he has had three this year.",
)
WHAT_CHANGED = (
    "Contact with her brother increased to every week.",
    "Moved the review to after school so he could come.",
    "Agreed an advocate for the next meeting.",
    "Added a safety plan for the evenings to the plan.",
    "Kept the placement and set up driving lessons in the pathway plan.",
    "Asked the school for a quiet space at lunchtimes.",
    "Changed the time of family time so it does not clash with football.",
)
# Share of the records of a child's views that also say what changed because of them.
WHAT_CHANGED_SHARE = 0.55
OVERSIGHT_NOTES = (
    "Reviewed the plan with the worker: visits are on track. Next review as planned.",
    "Discussed risks from domestic abuse; agreed a safety plan and a joint visit.",
    "Case supervision: progress is slow; agreed actions and timescales with the worker.",
    "Checked the child's views are in the plan; asked for direct work before the review.",
    "Agreed the threshold is met; direction to convene a strategy discussion if risk rises.",
    "Reviewed chronology and recent visits; no change to the plan.",
)
DECISION_NOTES = {
    "referral": "Front-door decision recorded with the reasons and next steps.",
    "assessment": "Assessment read and signed off; outcome agreed with the worker.",
    "plan": "Agreed the plan and who does what; visiting frequency set.",
    "care": "Agreed the child should be looked after; placement and contact arrangements made.",
}


def views_at_visit(rng: random.Random, age: int) -> tuple[str, str]:
    """The child's views in a sentence, and how the child expressed them."""
    if age < 3:
        return rng.choice(YOUNG_VIEWS), HowExpressed.OBSERVED
    if age < 8:
        how = HowExpressed.PLAY if rng.random() < 0.5 else HowExpressed.SPOKE
        return rng.choice(CHILD_VIEWS), how
    if age < 13:
        return rng.choice(CHILD_VIEWS), HowExpressed.SPOKE
    roll = rng.random()
    how = (
        HowExpressed.WRITTEN
        if roll < 0.1
        else HowExpressed.ADVOCATE
        if roll < 0.14
        else HowExpressed.SPOKE
    )
    return rng.choice(TEEN_VIEWS), how


def what_changed(rng: random.Random) -> str:
    """What changed because of the child's views, or nothing recorded."""
    return rng.choice(WHAT_CHANGED) if rng.random() < WHAT_CHANGED_SHARE else ""


def oversight_note(rng: random.Random) -> str:
    return rng.choice(OVERSIGHT_NOTES)
