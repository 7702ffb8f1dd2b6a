"""How the read API (reuse.api, Wagtail API v2) shows the guidance's relations.

Relations are resolved into the page's own language (``localized_themes``, ``localized_factors``)
as on the public site, so an nn page lists nn themes.
"""

from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class FactorReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()


class ActivityReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    name = serializers.CharField()
    number = serializers.CharField()
    county = serializers.CharField()


def themes_field():
    return ThemeSerializer(many=True, source="localized_themes", read_only=True)


def factors_field():
    return FactorReferenceSerializer(many=True, source="localized_factors", read_only=True)


def activities_field():
    return ActivityReferenceSerializer(many=True, read_only=True)


def municipality_field(many=False):
    return MunicipalitySerializer(many=many, read_only=True)
