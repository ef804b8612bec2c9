"""Step 5, closing: /close and the close button from either side, the survey, /mythreads."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import ThreadState
from tests.e2e.helpers import (
    DERM_QUESTION,
    QUESTION,
    Script,
    button_data,
    buttons,
    has,
    threads,
    user_record,
)

GP = 7001
NEPHRO = 7101
DERM = 7201


@pytest.fixture
async def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """A GP, an on-call nephrologist and an on-call dermatologist."""
    script = Script(client, settings)
    await script.seed(
        user_record(GP),
        user_record(NEPHRO, specialties=["nephrology"], on_call=True),
        user_record(DERM, specialties=["dermatology"], on_call=True),
    )
    return script


async def only_thread_state(settings: Settings) -> str:
    """The state of the one thread in the database."""
    (thread,) = await threads(settings)
    return thread.state


async def test_close_command_by_the_asker_tells_both(s: Script, settings: Settings) -> None:
    """/close by the asker: both sides told, the thread is closed by the asker."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "/close")
    await s.expect_text(GP, "clos.")
    other = await s.expect_text(NEPHRO, "a clos l'échange")
    assert other["text"].startswith("🔚 Confrère #")
    (thread,) = await threads(settings)
    assert (thread.state, thread.closed_by) == (ThreadState.CLOSED, "asker")


async def test_close_command_by_the_specialist_tells_both(s: Script, settings: Settings) -> None:
    """/close by the specialist: both told; the asker still gets the survey."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(NEPHRO, "/close")
    await s.expect_text(NEPHRO, "clos.")
    other = await s.expect_text(GP, "a clos l'échange")
    assert other["text"].startswith("🔚 Néphrologue #")
    await s.expect_text(GP, "1/2")
    (thread,) = await threads(settings)
    assert (thread.state, thread.closed_by) == (ThreadState.CLOSED, "specialist")


async def test_close_button_by_the_specialist(s: Script, settings: Settings) -> None:
    """The close button under "you took it" closes the thread; both are told."""
    _, took = await s.conversation(GP, NEPHRO)
    await s.c.press(NEPHRO, took["message_id"], data=button_data(took, "close:"))
    await s.expect_text(NEPHRO, "clos.")
    await s.expect_text(GP, "a clos l'échange")
    await s.expect_edit(NEPHRO, took["message_id"], lambda m: buttons(m) == [])
    assert await only_thread_state(settings) == ThreadState.CLOSED


async def test_close_button_by_the_asker(s: Script, settings: Settings) -> None:
    """The close button under "your question was taken" works for the asker too."""
    taken, _ = await s.conversation(GP, NEPHRO)
    await s.c.press(GP, taken["message_id"], data=button_data(taken, "close:"))
    await s.expect_text(GP, "clos.")
    await s.expect_text(NEPHRO, "a clos l'échange")
    assert await only_thread_state(settings) == ThreadState.CLOSED


async def test_only_the_asker_gets_the_survey(s: Script) -> None:
    """The survey goes to the asker, never to the specialist."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "/close")
    await s.expect_text(GP, "1/2")
    await s.settle()
    assert not [m for m in await s.c.chat(NEPHRO) if has("1/2")(m)]


async def test_the_survey_answers_are_stored(s: Script, settings: Settings) -> None:
    """Both survey answers end up on the thread, with the time it was answered."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "/close")
    outcome = await s.expect_text(GP, "1/2")
    assert len(buttons(outcome)) == 3
    await s.c.press(GP, outcome["message_id"], data=button_data(outcome, "sv1:"))
    referral = await s.expect_text(GP, "2/2")
    assert len(buttons(referral)) == 4
    data = next(
        b["callback_data"] for b in buttons(referral) if b["callback_data"].endswith(":avoided")
    )
    await s.c.press(GP, referral["message_id"], data=data)
    await s.expect_text(GP, "Merci pour vos réponses")
    (thread,) = await threads(settings)
    assert (thread.outcome, thread.referral) == ("confirmed", "avoided")
    assert thread.survey_at is not None


async def test_a_survey_answer_cannot_be_changed_twice(s: Script, settings: Settings) -> None:
    """A second press on a survey question is answered "already" and keeps the first answer."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "/close")
    outcome = await s.expect_text(GP, "1/2")
    first, second = (b["callback_data"] for b in buttons(outcome)[:2])
    await s.c.press(GP, outcome["message_id"], data=first)
    await s.expect_text(GP, "2/2")
    assert await s.press_and_answer(GP, outcome["message_id"], second) == "Vous avez déjà répondu."
    (thread,) = await threads(settings)
    assert thread.outcome == first.rsplit(":", 1)[1]


async def test_mythreads_lists_the_active_threads(s: Script) -> None:
    """/mythreads lists each open thread with its code, specialty, state and role."""
    await s.conversation(GP, NEPHRO)
    await s.send_question(GP, DERM_QUESTION, via_ask=True)
    await s.c.send(GP, "/mythreads")
    listing = await s.expect_text(GP, "Vos échanges en cours")
    lines = listing["text"].splitlines()[1:]
    assert len(lines) == 2
    assert "Néphrologie · en cours · votre question" in lines[0]
    assert "Dermatologie · proposée · votre question" in lines[1]
    await s.c.send(NEPHRO, "/mythreads")
    mine = await s.expect_text(NEPHRO, "Vos échanges en cours")
    assert mine["text"].splitlines()[1:] == [lines[0].replace("votre question", "vous répondez")]


async def test_mythreads_leaves_out_closed_threads(s: Script) -> None:
    """After closing, /mythreads says there is none."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "/close")
    await s.expect_text(GP, "1/2")
    await s.c.send(GP, "/mythreads")
    await s.expect_text(GP, "Aucun échange en cours")


async def test_close_with_two_threads_asks_which(s: Script, settings: Settings) -> None:
    """/close with two conversations asks which one; pressing one closes only that one."""
    await s.conversation(GP, NEPHRO)
    await s.conversation(GP, DERM, DERM_QUESTION, via_ask=True)
    await s.c.send(GP, "/close")
    which = await s.expect_text(GP, "plusieurs échanges en cours")
    derm = next(b for b in buttons(which) if "Dermatologie" in b["text"])
    await s.c.press(GP, which["message_id"], data=derm["callback_data"])
    await s.expect_text(DERM, "a clos l'échange")
    states = {t.specialty: t.state for t in await threads(settings)}
    assert states == {"nephrology": ThreadState.CLAIMED, "dermatology": ThreadState.CLOSED}


async def test_closing_a_question_nobody_took_withdraws_the_offers(
    s: Script, settings: Settings
) -> None:
    """/close before anyone took it: the offer is edited to "withdrawn", nobody gets a survey."""
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO)
    await s.c.send(GP, "/close")
    await s.expect_text(GP, "retirée")
    await s.expect_edit(NEPHRO, offer["message_id"], has("retirée par son auteur"))
    assert await only_thread_state(settings) == ThreadState.CLOSED
