"""Every app's refusals share one base (accounts.errors.DomainError), so that a view
running any service catches one class and shows its message as it is."""

import pytest

from accounts.errors import DomainError
from accounts.exceptions import AccountError, ImportRejected
from campaign.exceptions import NotAllowed as CampaignNotAllowed
from evaluations.awards.exceptions import AwardError
from evaluations.exceptions import AppraisalError
from models.exceptions import StaleEdit as ModelStaleEdit
from registrations.exceptions import RegistrationError
from reports.exceptions import ReportSigned


@pytest.mark.parametrize(
    "error_class",
    [AccountError, ImportRejected, CampaignNotAllowed, ModelStaleEdit, RegistrationError, AppraisalError, AwardError, ReportSigned],
)
def test_every_apps_refusal_is_a_domain_error_whose_message_is_its_text(error_class):
    error = error_class("Không được phép.")
    assert isinstance(error, DomainError)
    assert (error.message, str(error)) == ("Không được phép.", "Không được phép.")


def test_a_refusal_without_a_sentence_has_an_empty_message():
    assert (DomainError().message, str(ImportRejected(rows=[]))) == ("", "")
