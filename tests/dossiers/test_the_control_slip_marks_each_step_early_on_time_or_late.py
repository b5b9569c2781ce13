"""Mẫu 05: a row per passage through a step: when it was received and handed on, and how it kept time."""

import re

import pytest

from motcua.dossiers import services, slips
from tests.dossiers.pdf_reading import A5, page_sizes, text
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


def test_the_late_step_reads_qua_han_and_the_others_dung_han_or_truoc_han(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = services.forward(dossier, world.desk)  # reception: due 11:00 the same day, done at 10:00
    frozen_clock.set(vn(2026, 3, 5, 16))
    dossier = services.forward(dossier, world.specialist)  # appraisal: 14 h from Mon 10:00 is Tue 17:00
    frozen_clock.set(vn(2026, 3, 5, 16, 30))
    dossier = services.finish(dossier, world.leader, result_number="01/GCN-HKD")  # 2 h: due Fri 09:00

    pdf = slips.render_slip(dossier, "05")
    words = text(pdf)
    assert page_sizes(pdf)[0] == A5
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in words
    assert "Kèm theo hồ sơ của: Nguyễn Văn An" in words and dossier.code in words
    rows = re.search(
        r"Tiếp nhận hồ sơ .*? đúng hạn .*? Thẩm định hồ sơ .*? quá hạn .*? Phê duyệt, ký .*? trước hạn"
        r" .*? Trả kết quả .*? đang xử lý",
        words,
    )
    assert rows, words
    appraisal = words[words.index("Thẩm định hồ sơ") :]
    assert appraisal.index("Nhận: 10:00 02/03/2026") < appraisal.index("Giao: 16:00 05/03/2026")
    assert "Hạn: 17:00 03/03/2026" in appraisal
    assert world.specialist.get_full_name() in appraisal
    assert words.count("Phường Nha Trang") >= 4


def test_a_dossier_just_received_has_one_step_in_progress(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    words = text(slips.render_slip(dossier, "05"))
    assert re.search(r"Tiếp nhận hồ sơ Nhận: 09:00 02/03/2026 Hạn: 11:00 02/03/2026 .*?đang xử lý", words), (
        words
    )
    assert "quá hạn" not in words and "đúng hạn" not in words
