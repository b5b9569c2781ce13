from motcua.demo import province


def test_a_demo_desk_officer_logs_in_to_the_admin(demo_output, client):
    assert client.login(username="tn.trungtam", password=province.DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_a_demo_administrator_sees_the_agencies_in_the_admin(demo_output, client):
    assert client.login(username="qt.tinh", password=province.DEMO_PASSWORD)
    assert client.get("/admin/org/agency/").status_code == 200
