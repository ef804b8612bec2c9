"""Step 1, asking: the preview, another specialty, edit, cancel, a photo, a double tap on Send."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.specialties import SPECIALTIES
from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import ThreadState
from tests.e2e.helpers import (
    QUESTION,
    Script,
    button_data,
    buttons,
    has,
    offers,
    thread_id_of,
    threads,
    user_record,
)

GP = 4001
NEPHRO = (4101, 4102)


@pytest.fixture
async def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """A verified GP and two on-call nephrologists."""
    script = Script(client, settings)
    await script.seed(
        user_record(GP),
        *(user_record(n, specialties=["nephrology"], on_call=True) for n in NEPHRO),
    )
    return script


async def test_preview_shows_the_deidentified_text_and_the_suggestion(s: Script) -> None:
    """The name and birth date are replaced by tags, counted; nephrology is suggested."""
    preview = await s.ask(GP, QUESTION)
    text = preview["text"]
    assert text.startswith("Aperçu")
    for leaked in ("Jeanne", "Dupont", "12/03/1954"):
        assert leaked not in text
    assert "[NOM]" in text
    assert "[DATE]" in text
    assert "1 × nom" in text
    assert "1 × date" in text
    assert "kaliémie à 6,1 sous ramipril 10 mg" in text
    assert "Spécialité proposée : Néphrologie" in text
    labels = [b["text"] for b in buttons(preview)]
    assert labels == [
        "📨 Envoyer en Néphrologie",
        "🔀 Autre spécialité",
        "✏️ Modifier",
        "✖️ Annuler",
    ]


async def test_a_specialist_asking_is_offered_another_specialty_than_their_own(s: Script) -> None:
    """A psychiatrist's question about lithium and the kidneys reads psychiatry first; asked by a
    psychiatrist, the preview suggests nephrology, and nephrologists get it on Send."""
    psychiatrist = 4201
    await s.seed(user_record(psychiatrist, specialties=["psychiatry"]))
    question = (
        "Patient bipolaire stabilisé sous lithium, polyurie et soif depuis 2 mois, créat 130. "
        "On continue ?"
    )
    preview = await s.ask(psychiatrist, question)
    assert "Spécialité proposée : Néphrologie" in preview["text"]
    assert "Votre spécialité (Psychiatrie) passe après les autres" in preview["text"]
    assert buttons(preview)[0]["text"] == "📨 Envoyer en Néphrologie"
    await s.c.press(psychiatrist, preview["message_id"], data=button_data(preview, "send:"))
    await s.settle()
    (thread,) = await threads(s.settings)
    assert thread.specialty == "nephrology"
    assert thread.state == ThreadState.OFFERED
    assert thread.id is not None
    assert {offer.specialist_id for offer in await offers(s.settings, thread.id)} == set(NEPHRO)


async def test_a_specialist_who_asks_for_their_own_specialty_gets_it(s: Script) -> None:
    """A nephrologist asking "avis néphro" about a kidney question: a second opinion they asked
    for, nephrology stays, with no note about their own specialty."""
    preview = await s.ask(NEPHRO[0], QUESTION)
    assert "Spécialité proposée : Néphrologie" in preview["text"]
    assert "passe après les autres" not in preview["text"]


async def test_the_preview_sends_nothing_to_anyone(s: Script) -> None:
    """Until Send, no specialist sees the question."""
    await s.ask(GP, QUESTION)
    await s.settle()
    for n in NEPHRO:
        assert await s.c.chat(n) == []


async def test_another_specialty_shows_all_27(s: Script) -> None:
    """ "Another specialty" swaps the buttons for one per specialty, plus cancel."""
    preview = await s.ask(GP, QUESTION)
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "other:"))
    edited = await s.expect_edit(GP, preview["message_id"], lambda m: len(buttons(m)) > 4)
    sends = [b["callback_data"] for b in buttons(edited) if b["callback_data"].startswith("send:")]
    assert len(SPECIALTIES) == 27
    assert sorted(d.rsplit(":", 1)[1] for d in sends) == sorted(SPECIALTIES)
    assert (await s.expect_answer(GP, 1))["text"] == "Choisissez la spécialité :"


async def test_choosing_another_specialty_sends_it_there(s: Script, settings: Settings) -> None:
    """Send to dermatology from the full keyboard: the thread is dermatology, no offer to
    nephrologists, the asker is told it waits."""
    preview = await s.ask(GP, QUESTION)
    thread_id = thread_id_of(preview, "send:")
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "other:"))
    await s.expect_edit(GP, preview["message_id"], lambda m: len(buttons(m)) > 4)
    await s.c.press(GP, preview["message_id"], data=f"send:{thread_id}:dermatology")
    await s.expect_text(GP, "Aucun spécialiste en Dermatologie")
    (thread,) = await threads(settings)
    assert (thread.specialty, thread.state) == ("dermatology", ThreadState.WAITING)
    await s.settle()
    for n in NEPHRO:
        assert await s.c.chat(n) == []


async def test_edit_then_new_text_shows_a_new_preview(s: Script, settings: Settings) -> None:
    """Edit asks for a new text; the new text gets its own preview for the same draft."""
    preview = await s.ask(GP, QUESTION)
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "edit:"))
    await s.expect_text(GP, "Envoyez le nouveau texte")
    await s.c.send(GP, "Homme de 70 ans, IRC stade 3, DFG 40 : metformine ? Avis néphro")
    second = await s.expect(GP, lambda m: bool(buttons(m)))
    assert "Homme de 70 ans" in second["text"]
    assert "Aucun identifiant détecté" in second["text"]
    assert thread_id_of(second, "send:") == thread_id_of(preview, "send:")
    (thread,) = await threads(settings)
    assert thread.question is not None
    assert thread.question.startswith("Homme de 70 ans")


async def test_cancel_sends_nothing_and_keeps_nothing(s: Script, settings: Settings) -> None:
    """Cancel: the asker is told, no specialist got anything, the draft is gone."""
    preview = await s.ask(GP, QUESTION)
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "cancel:"))
    await s.expect_text(GP, "Question annulée")
    await s.settle()
    assert await threads(settings) == []
    for n in NEPHRO:
        assert await s.c.chat(n) == []
    assert await s.c.calls("copyMessage") == []


async def test_a_photo_with_a_caption_is_announced_in_the_preview(s: Script) -> None:
    """The preview says the photo will be attached; specialists get a copy of it."""
    await s.c.send(
        GP, photo=True, caption="Mme Jeanne Dupont, IRC stade 4, DFG 20, œdèmes. Avis néphro ?"
    )
    preview = await s.expect(GP, lambda m: bool(buttons(m)))
    assert "📷 La photo sera jointe" in preview["text"]
    assert "Dupont" not in preview["text"]
    await s.c.press(GP, preview["message_id"], data=button_data(preview, "send:"))
    await s.expect_text(GP, "proposée à 2")
    for n in NEPHRO:
        photo = await s.expect(n, lambda m: m["photo"])
        assert "Dupont" not in (photo.get("caption") or "")
        assert photo["protect_content"]
    copies = await s.c.calls("copyMessage")
    assert sorted(c["params"]["chat_id"] for c in copies) == sorted(NEPHRO)
    assert await s.c.calls("forwardMessage") == []


async def test_a_photo_without_caption_asks_for_one(s: Script, settings: Settings) -> None:
    """A bare photo is not a question: the bot asks for a caption and creates nothing."""
    await s.c.send(GP, photo=True)
    await s.expect_text(GP, "Ajoutez une légende")
    assert await threads(settings) == []


async def test_send_twice_creates_the_thread_once(s: Script, settings: Settings) -> None:
    """Two quick taps on Send: one set of offers; the second tap is answered "already sent"."""
    preview = await s.ask(GP, QUESTION)
    data = button_data(preview, "send:")
    await s.c.press(GP, preview["message_id"], data=data)
    await s.c.press(GP, preview["message_id"], data=data, force=True)
    await s.expect_text(GP, "proposée à 2")
    second = await s.expect_answer(GP, 2)
    assert second["text"] == "Cette question a déjà été envoyée."
    await s.settle()
    (thread,) = await threads(settings)
    assert len(await offers(settings, thread.id or 0)) == 2
    for n in NEPHRO:
        assert len([m for m in await s.c.chat(n) if has("Question #")(m)]) == 1
    assert len([m for m in await s.c.chat(GP) if has("proposée à")(m)]) == 1


async def test_a_question_too_long_is_refused_with_the_limit(
    s: Script, settings: Settings
) -> None:
    """A question over the limit gets its length and the limit; no draft is created."""
    await s.c.send(GP, "IRC, avis néphro. " + "x" * 3600)
    message = await s.expect_text(GP, "la limite est de 3500")
    assert "3618 caractères" in message["text"]
    assert await threads(settings) == []
