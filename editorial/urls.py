from django.urls import path

from . import feedback

app_name = "editorial"
urlpatterns = [
    path("tilbakemelding/<int:page_id>/", feedback.submit_feedback, name="feedback"),
]
