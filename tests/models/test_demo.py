from accounts import demo as accounts_demo
from audit.models import AuditEntry
from models import demo
from models.models import DvkModel, Field


def test_demo_catalogue_is_complete_and_idempotent(db):
    accounts_demo.seed()
    demo.seed()
    count, audit_count = DvkModel.objects.count(), AuditEntry.objects.count()
    demo.seed()
    assert (DvkModel.objects.count(), AuditEntry.objects.count()) == (count, audit_count)

    assert count == len(demo.ENTRIES)
    assert set(DvkModel.objects.values_list("field", flat=True)) == set(Field.values)
    kado = DvkModel.objects.filter(unit__code="DD-KADO")
    assert kado.filter(kind="model").count() >= 2 and kado.filter(kind="exemplar").count() >= 1
    for code in (
        "DD-THANHMY",
        "DD-DRAN",
        "DD-DARON",
        "DD-KADO",
        "DD-KADON",
        "DD-LACLAM",
        "DD-LACXUAN",
        "DD-PRO",
        "DD-QUANGLAP",
        "DD-TUTRA",
    ):
        assert 2 <= DvkModel.objects.filter(unit__code=code).count() <= 4, code
    for code in ("DD-MTTQ", "DD-HND", "DD-LHPN", "DD-DTN", "DD-CCB", "DD-LDLD"):
        assert DvkModel.objects.filter(unit__code=code).count() == 1, code
    published = DvkModel.objects.filter(is_published=True)
    assert 3 <= published.count() <= 4
    assert all(model.recognised_in_year in (2018, 2019) for model in published)
    assert DvkModel.objects.filter(replicates__isnull=False).count() >= 2
    assert AuditEntry.objects.filter(action="dvk_model.published").count() == published.count()
