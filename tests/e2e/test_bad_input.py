"""Bad input: what the bot cannot relay, too long, stale, forged or foreign buttons, closed
threads, and people who may not talk — each gets an answer saying why, and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import OfferState, ThreadState, UserStatus
from tests.e2e.helpers import (
    QUESTION,
    Script,
    button_data,
    buttons,
    get_thread,
    has,
    offers,
    set_status,
    thread_id_of,
    threads,
    user_record,
)

GP = 9001
NEPHRO = (9101, 9102, 9103)
STRANGER = 9301
STALE = "Ce bouton n'est plus valable."
NOT_OFFERED = "Cette question ne vous a pas été proposée."


@pytest.fixture
async def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """A GP and two on-call nephrologists; a third nephrologist off call; a verified stranger."""
    script = Script(client, settings)
    await script.seed(
        user_record(GP),
        user_record(NEPHRO[0], specialties=["nephrology"], on_call=True),
        user_record(NEPHRO[1], specialties=["nephrology"], on_call=True),
        user_record(NEPHRO[2], specialties=["nephrology"], on_call=False),
        user_record(STRANGER),
    )
    return script


@pytest.mark.parametrize("kind", ["sticker", "voice", "video", "location", "contact", "document"])
async def test_unsupported_kinds_get_one_message_saying_what_is_accepted(
    s: Script, settings: Settings, kind: str
) -> None:
    """A sticker, voice note, video, location, contact or document: one message, no thread."""
    await s.c.send(GP, kind=kind)
    await s.expect_text(GP, "Je ne transmets que du texte et des photos")
    await s.settle()
    assert await s.new_messages(GP) == []
    assert len(await s.c.chat(GP)) == 1
    assert await threads(settings) == []


async def test_unsupported_kind_in_a_conversation_is_not_relayed(s: Script) -> None:
    """A voice note during a conversation is refused and nothing reaches the specialist."""
    await s.conversation(GP, NEPHRO[0])
    await s.c.send(GP, kind="voice")
    await s.expect_text(GP, "Je ne transmets que du texte")
    await s.settle()
    assert await s.new_messages(NEPHRO[0]) == []


async def test_a_message_too_long_for_the_header_is_refused_with_the_limit(s: Script) -> None:
    """Text that fits Telegram but not Telegram minus the header: the sender gets the limit."""
    await s.conversation(GP, NEPHRO[0])
    await s.c.send(GP, "a" * 4090)
    refusal = await s.expect_text(GP, "trop long (4090 caractères)")
    assert "la limite est de 40" in refusal["text"]
    await s.settle()
    assert await s.new_messages(NEPHRO[0]) == []


async def test_a_caption_too_long_is_refused_with_the_caption_limit(s: Script) -> None:
    """A photo caption over the caption limit minus the header is refused."""
    await s.conversation(GP, NEPHRO[0])
    await s.c.send(GP, photo=True, caption="b" * 1020)
    refusal = await s.expect_text(GP, "trop long (1020 caractères)")
    assert "la limite est de 10" in refusal["text"]
    await s.settle()
    assert await s.new_messages(NEPHRO[0]) == []


async def test_take_on_a_thread_already_taken(s: Script, settings: Settings) -> None:
    """The second specialist's Take (on the now edited offer) says a colleague was faster."""
    await s.send_question(GP, QUESTION)
    offer_a, offer_b = await s.offer(NEPHRO[0]), await s.offer(NEPHRO[1])
    await s.take(NEPHRO[0], offer_a)
    await s.expect_edit(NEPHRO[1], offer_b["message_id"], has("prise par un confrère"))
    answer = await s.press_and_answer(
        NEPHRO[1], offer_b["message_id"], button_data(offer_b, "take:")
    )
    assert answer == "Trop tard : un confrère a déjà pris cette question."
    thread = await get_thread(settings, thread_id_of(offer_a))
    assert thread is not None
    assert thread.specialist_id == NEPHRO[0]


async def test_pass_after_the_offer_ended(s: Script, settings: Settings) -> None:
    """Pass after a colleague took the question: "too late", and the offer stays lost."""
    await s.send_question(GP, QUESTION)
    offer_a, offer_b = await s.offer(NEPHRO[0]), await s.offer(NEPHRO[1])
    await s.take(NEPHRO[0], offer_a)
    await s.expect_edit(NEPHRO[1], offer_b["message_id"], has("prise par un confrère"))
    answer = await s.press_and_answer(
        NEPHRO[1], offer_b["message_id"], button_data(offer_b, "pass:")
    )
    assert answer == "Trop tard : un confrère a déjà pris cette question."
    states = {o.specialist_id: o.state for o in await offers(settings, thread_id_of(offer_a))}
    assert states == {NEPHRO[0]: OfferState.TAKEN, NEPHRO[1]: OfferState.LOST}


async def test_pass_twice(s: Script, settings: Settings) -> None:
    """A second Pass on the same offer says it is no longer valid and offers nobody again."""
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    await s.c.press(NEPHRO[0], offer["message_id"], data=button_data(offer, "pass:"))
    await s.expect_edit(NEPHRO[0], offer["message_id"], has("passée"))
    answer = await s.press_and_answer(NEPHRO[0], offer["message_id"], button_data(offer, "pass:"))
    assert answer == "Cette proposition n'est plus valable."
    assert len(await offers(settings, thread_id_of(offer))) == 2


async def test_a_button_from_an_old_message(s: Script, settings: Settings) -> None:
    """Send on a preview that was cancelled: the button is no longer valid, nothing is sent."""
    preview = await s.ask(GP, QUESTION)
    send = button_data(preview, "send:")
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "cancel:"))
    await s.expect_text(GP, "Question annulée")
    assert await s.press_and_answer(GP, preview["message_id"], send) == STALE
    await s.settle()
    assert await threads(settings) == []
    assert await s.c.chat(NEPHRO[0]) == []


async def test_a_forged_take_for_a_thread_that_does_not_exist(s: Script) -> None:
    """take:999999 is answered "not offered to you"."""
    await s.c.send(NEPHRO[0], "/help")
    help_message = await s.expect(NEPHRO[0], lambda _m: True)
    answer = await s.press_and_answer(NEPHRO[0], help_message["message_id"], "take:999999")
    assert answer == NOT_OFFERED


async def test_a_forged_button_of_unknown_shape(s: Script) -> None:
    """Data no handler knows (or with a bad shape) is answered "no longer valid"."""
    await s.c.send(NEPHRO[0], "/help")
    message = await s.expect(NEPHRO[0], lambda _m: True)
    assert await s.press_and_answer(NEPHRO[0], message["message_id"], "admin:wipe") == STALE
    assert await s.press_and_answer(NEPHRO[0], message["message_id"], "take:abc") == STALE


async def test_take_by_someone_who_was_not_offered_it(s: Script, settings: Settings) -> None:
    """A nephrologist who was not offered the question cannot take it by forging the button."""
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    await s.c.send(NEPHRO[2], "/help")
    own = await s.expect(NEPHRO[2], lambda _m: True)
    answer = await s.press_and_answer(NEPHRO[2], own["message_id"], button_data(offer, "take:"))
    assert answer == NOT_OFFERED
    thread = await get_thread(settings, thread_id_of(offer))
    assert thread is not None
    assert (thread.state, thread.specialist_id) == (ThreadState.OFFERED, None)


async def test_close_of_someone_elses_thread(s: Script, settings: Settings) -> None:
    """A forged close:<id> from an outsider says it is not theirs; the thread stays open."""
    taken, _ = await s.conversation(GP, NEPHRO[0])
    await s.c.send(STRANGER, "/help")
    own = await s.expect(STRANGER, lambda _m: True)
    answer = await s.press_and_answer(STRANGER, own["message_id"], button_data(taken, "close:"))
    assert answer == "Cet échange ne vous concerne pas."
    (thread,) = await threads(settings)
    assert thread.state == ThreadState.CLAIMED


async def test_send_of_someone_elses_draft(s: Script, settings: Settings) -> None:
    """A forged send:<id> of another user's draft does not send it."""
    preview = await s.ask(GP, QUESTION)
    await s.c.send(STRANGER, "/help")
    own = await s.expect(STRANGER, lambda _m: True)
    answer = await s.press_and_answer(STRANGER, own["message_id"], button_data(preview, "send:"))
    assert answer == STALE
    (thread,) = await threads(settings)
    assert thread.state == ThreadState.DRAFT


async def test_a_reply_in_a_closed_thread(s: Script) -> None:
    """Replying to a message of a closed thread says it is closed; nothing is relayed."""
    _, took = await s.conversation(GP, NEPHRO[0])
    await s.c.send(GP, "/close")
    await s.expect_text(NEPHRO[0], "a clos l'échange")
    await s.c.send(NEPHRO[0], "Encore une chose…", reply_to_message_id=took["message_id"])
    await s.expect_text(NEPHRO[0], "est clos : rien n'a été transmis")
    await s.settle()
    assert not [m for m in await s.new_messages(GP) if has("Encore une chose")(m)]


async def test_a_message_from_someone_never_registered(s: Script, settings: Settings) -> None:
    """Someone who never did /start is welcomed into onboarding; no thread is created."""
    newcomer = 9401
    await s.add(user_record(newcomer))
    await s.c.send(newcomer, "IRC, DFG 20, avis néphro ?")
    await s.expect_text(newcomer, "Bienvenue")
    await s.expect_text(newcomer, "La charte")
    assert await threads(settings) == []


async def test_a_question_before_finishing_onboarding(s: Script, settings: Settings) -> None:
    """A user who did /start but not the charter is told to register first."""
    newcomer = 9402
    await s.add(user_record(newcomer))
    await s.c.send(newcomer, "/start")
    await s.expect_text(newcomer, "La charte")
    await s.c.send(newcomer, "IRC, DFG 20, avis néphro ?")
    await s.expect_text(newcomer, "Commencez par /start")
    assert await threads(settings) == []


async def test_a_suspended_user_cannot_ask(s: Script, settings: Settings) -> None:
    """A suspended user's question is refused with why; no thread."""
    await set_status(settings, GP, UserStatus.SUSPENDED)
    await s.c.send(GP, QUESTION)
    await s.expect_text(GP, "Votre compte est suspendu")
    assert await threads(settings) == []


async def test_a_suspended_specialist_message_is_not_relayed(
    s: Script, settings: Settings
) -> None:
    """A specialist suspended mid-conversation: their message is refused, not relayed."""
    await s.conversation(GP, NEPHRO[0])
    await set_status(settings, NEPHRO[0], UserStatus.SUSPENDED)
    await s.c.send(NEPHRO[0], "Voici mon avis.")
    await s.expect_text(NEPHRO[0], "Votre compte est suspendu")
    await s.settle()
    assert not [m for m in await s.new_messages(GP) if has("Voici mon avis")(m)]


async def test_a_suspended_specialist_cannot_take(s: Script, settings: Settings) -> None:
    """A specialist suspended after the offer cannot take it."""
    await s.send_question(GP, QUESTION)
    offer = await s.offer(NEPHRO[0])
    await set_status(settings, NEPHRO[0], UserStatus.SUSPENDED)
    answer = await s.press_and_answer(NEPHRO[0], offer["message_id"], button_data(offer, "take:"))
    assert answer is not None
    assert "suspendu" in answer
    thread = await get_thread(settings, thread_id_of(offer))
    assert thread is not None
    assert thread.state == ThreadState.OFFERED


async def test_buttons_of_the_preview_are_removed_after_send(s: Script) -> None:
    """After Send, the preview keeps no buttons (so it cannot be sent again)."""
    preview = await s.ask(GP, QUESTION)
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "send:"))
    await s.expect_edit(GP, preview["message_id"], lambda m: buttons(m) == [])
