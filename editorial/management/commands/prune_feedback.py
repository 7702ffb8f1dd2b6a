from core.retention import PruneCommand
from editorial.models import Feedback


class Command(PruneCommand):
    setting = "VEIVISER_RETENTION_MONTHS"
    records = "reader feedback answers"
    kept = "feedback"

    def old(self, cutoff):
        return Feedback.objects.filter(created_at__lt=cutoff)
