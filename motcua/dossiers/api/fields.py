"""Fields shared by the inputs and the outputs."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from motcua.dossiers.lifecycle import Channel, ReturnMethod


def inline_enum(choices) -> dict:
    """An enum the schema describes where it is used: drf-spectacular names shared enums after their field,
    and "channel" or "method" mean other choices in other apps (a warning, and a generated name). The field
    must carry a description (or a default): a lone allOf is unwrapped."""
    return {"allOf": [{"type": "string", "enum": [value for value, _label in choices]}]}


@extend_schema_field(inline_enum(Channel.choices))
class ChannelField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", "How it was handed in: at the desk (direct), online, or by post (postal)."
        )
        super().__init__(choices=Channel.choices, **kwargs)


@extend_schema_field(inline_enum(ReturnMethod.choices))
class ReturnMethodField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=ReturnMethod.choices, default=ReturnMethod.DESK, **kwargs)


@extend_schema_field(OpenApiTypes.BINARY)
class UploadField(serializers.FileField):
    """An uploaded file (multipart), described as binary in the schema."""
