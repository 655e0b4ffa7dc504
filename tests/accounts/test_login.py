import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory


def test_login_page_is_vietnamese(client, db):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="vi">' in content
    assert "Tên đăng nhập" in content and "Mật khẩu" in content


def test_production_hashes_passwords_with_argon2(db, settings):
    from config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = settings.ARGON2_FIRST
    assert UserFactory(username="hashed").password.startswith("argon2")


def test_login_with_right_password_goes_home(client, staff_user):
    response = client.post(reverse("accounts:login"), {"username": "bdv", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_wrong_password_shows_vietnamese_error_and_keeps_username(client, staff_user):
    response = client.post(reverse("accounts:login"), {"username": "bdv", "password": "sai-mat-khau"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in content
    assert 'value="bdv"' in content


def test_five_failures_lock_the_account_for_fifteen_minutes(client, staff_user):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "bdv", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "bdv", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "15 phút" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_visitor_to_home_sees_the_public_showcase_with_a_way_to_log_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse("showcase:index")
    showcase = client.get(response.url)
    assert showcase.status_code == 200
    assert f'href="{reverse("accounts:login")}"' in showcase.content.decode()


def test_logout_is_a_post(staff_client):
    response = staff_client.post(reverse("accounts:logout"))
    assert response.status_code in (200, 302)
    assert staff_client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize("language,text", [("vi", "Xin chào"), ("en", "Hello")])
def test_home_speaks_the_chosen_language(staff_client, language, text):
    staff_client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert text in staff_client.get(reverse("home")).content.decode()


def test_unknown_page_is_a_friendly_vietnamese_404(client, db, settings):
    settings.DEBUG = False
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_pages_send_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_password_change_explains_a_short_password_in_vietnamese(staff_client):
    response = staff_client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "ab1", "new_password2": "ab1"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in content
    assert "too short" not in content


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, db):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in response.content.decode()
