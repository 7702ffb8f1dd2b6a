from django.urls import path

from . import views

app_name = "editorial_admin"
urlpatterns = [
    path("gjennomgang/", views.ReviewReportView.as_view(), name="review_report"),
    path(
        "gjennomgang/resultater/",
        views.ReviewReportView.as_view(results_only=True),
        name="review_report_results",
    ),
    path("gjennomgang/<int:page_id>/", views.mark_reviewed, name="mark_reviewed"),
    path("lenker/", views.BrokenLinkReportView.as_view(), name="broken_links"),
    path(
        "lenker/resultater/",
        views.BrokenLinkReportView.as_view(results_only=True),
        name="broken_links_results",
    ),
    path("tilbakemeldinger/", views.FeedbackSummaryView.as_view(), name="feedback_report"),
    path(
        "tilbakemeldinger/resultater/",
        views.FeedbackSummaryView.as_view(results_only=True),
        name="feedback_report_results",
    ),
    path("tilbakemeldinger/svar/", views.FeedbackCommentsView.as_view(), name="feedback_comments"),
    path(
        "tilbakemeldinger/svar/resultater/",
        views.FeedbackCommentsView.as_view(results_only=True),
        name="feedback_comments_results",
    ),
    path(
        "tilbakemeldinger/<int:page_id>/",
        views.FeedbackCommentsView.as_view(),
        name="feedback_comments",
    ),
    path(
        "tilbakemeldinger/<int:page_id>/resultater/",
        views.FeedbackCommentsView.as_view(results_only=True),
        name="feedback_comments_results",
    ),
]
