import pytest


@pytest.fixture
def editor(client, django_user_model):
    """The test client, logged in as an editor with every permission."""
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.no", "pw"))
    return client
