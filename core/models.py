import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStamp(models.Model):
    """A value that changes with every change to what readers can see (core/publication.py)."""

    stamp = models.UUIDField(default=uuid.uuid4)
    # Renewed by every change but a page's below the sections (core/publication.py).
    frame = models.UUIDField(default=uuid.uuid4)

    class Meta:
        db_table = "website_publicationstamp"  # made by website 0006, moved here unchanged
        verbose_name = _("publication stamp")

    def __str__(self):
        return str(self.stamp)
