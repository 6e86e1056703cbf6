"""``{{ credential|linkedin_add_url }}``: LinkedIn's prefilled add form."""

from django import template

from certification.sharing import linkedin_add_url as build

register = template.Library()


@register.filter
def linkedin_add_url(credential) -> str:
    return build(credential)
