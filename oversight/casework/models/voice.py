"""The voice of the child, recorded the same way at every event that should hear it.

Visits, assessments, conferences and reviews each say whether the child was seen (and
seen alone), whether their views were recorded, in their words, how they expressed
them, and what changed because of them. ``ChildsVoice`` defines those fields once.
"""

from django.db import models


class HowExpressed(models.TextChoices):
    SPOKE = "spoke", "Spoke with the worker"
    PLAY = "play", "Through play or drawing"
    OBSERVED = "observed", "Observed (too young or unable to say)"
    ADVOCATE = "advocate", "Through an advocate"
    WRITTEN = "written", "In writing or online"


class ChildsVoice(models.Model):
    """Whether the child was seen and heard at an event, and what difference it made.

    Every field starts as "not recorded": a record says the child was seen, or their
    views were heard, only when someone recorded it.
    """

    seen = models.BooleanField(default=False)
    seen_alone = models.BooleanField(default=False)
    views_recorded = models.BooleanField("child's views recorded", default=False)
    views = models.TextField("the child's views", blank=True)
    how_expressed = models.CharField(max_length=10, choices=HowExpressed.choices, blank=True)
    what_changed = models.TextField("what changed because of the child's views", blank=True)

    class Meta:
        abstract = True


# The fields a service takes, as keyword arguments, to record the child's voice.
VOICE_FIELDS = ("seen", "seen_alone", "views_recorded", "views", "how_expressed", "what_changed")
