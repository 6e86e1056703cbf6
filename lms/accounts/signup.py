"""The sign-up form: the account library's, answering alike whoever signs up.

Neither the e-mail address nor the identity document tells a stranger whether
someone already holds it. The account library already answers a registered
e-mail address as a new one (``ACCOUNT_PREVENT_ENUMERATION``) and writes to
that address instead. A registered document is treated the same way: the
person sees the page a new account sees («revise su correo»), nothing is
created, no mail goes to the address just typed, and the holder of the
document is told by e-mail, in their language, that someone tried to sign up
with it.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as BaseSignupForm

from .adapter import quiet_signup_for


class SignupForm(BaseSignupForm):
    def try_save(self, request):
        holder = self.document_holder
        if holder is None:
            return super().try_save(request)
        email = self.cleaned_data.get("email")
        adapter = get_adapter(request)
        if not holder.email or holder.email.lower() != (email or "").lower():
            adapter.send_document_registered_mail(holder)
        if not self.account_already_exists:
            # A new address: the answer of a new account, without the
            # library's "you already have an account" mail to it.
            quiet_signup_for(request, email)
        self.account_already_exists = True
        return super().try_save(request)
