from wagtail import hooks

from .admin import lti_tool_viewset


@hooks.register("register_admin_viewset")
def register_lti_tools():
    return lti_tool_viewset
