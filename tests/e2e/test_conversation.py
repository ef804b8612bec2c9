"""Step 4, relaying: replies and plain messages reach the right thread, de-identified, protected,
photos copied (never forwarded), and special characters arrive verbatim."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from tests.e2e.helpers import DERM_QUESTION, Script, buttons, has, user_record

GP = 6001
NEPHRO = 6101
DERM = 6201


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


async def test_a_reply_to_a_relayed_message_goes_to_its_thread(s: Script) -> None:
    """The specialist replies to "you took it"; the asker gets it, with the pseudonym header."""
    _, took = await s.conversation(GP, NEPHRO)
    await s.c.send(NEPHRO, "Quelle est la natrémie ?", reply_to_message_id=took["message_id"])
    relayed = await s.expect_text(GP, "Quelle est la natrémie ?")
    assert relayed["text"].startswith("💬 Néphrologue #")


async def test_a_plain_message_goes_to_the_only_active_thread(s: Script) -> None:
    """Without replying, a message goes to the sender's only conversation."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "TA 150/85, Na 136.")
    relayed = await s.expect_text(NEPHRO, "TA 150/85, Na 136.")
    assert relayed["text"].startswith("💬 Confrère #")


async def test_two_active_threads_the_bot_asks_which(s: Script) -> None:
    """With two conversations, a plain message is held and the bot asks which one."""
    await s.conversation(GP, NEPHRO)
    await s.conversation(GP, DERM, DERM_QUESTION, via_ask=True)
    await s.c.send(GP, "Merci, je vous tiens au courant.")
    which = await s.expect_text(GP, "plusieurs échanges en cours")
    labels = sorted(b["text"].split(" · ")[1] for b in buttons(which))
    assert labels == ["Dermatologie", "Néphrologie"]
    await s.settle()
    for specialist in (NEPHRO, DERM):
        assert not [m for m in await s.new_messages(specialist) if has("je vous tiens")(m)]


async def test_pressing_a_thread_relays_the_held_message_there_only(s: Script) -> None:
    """Pressing one conversation relays the held message there, and only there."""
    await s.conversation(GP, NEPHRO)
    await s.conversation(GP, DERM, DERM_QUESTION, via_ask=True)
    await s.c.send(GP, "Merci, je vous tiens au courant.")
    which = await s.expect_text(GP, "plusieurs échanges en cours")
    derm_button = next(b for b in buttons(which) if "Dermatologie" in b["text"])
    await s.c.press(GP, which["message_id"], data=derm_button["callback_data"])
    await s.expect_text(DERM, "je vous tiens au courant")
    await s.expect_edit(GP, which["message_id"], lambda m: buttons(m) == [])
    await s.settle()
    assert not [m for m in await s.new_messages(NEPHRO) if has("je vous tiens")(m)]


async def test_a_specialist_reply_is_deidentified(s: Script) -> None:
    """A phone number and a name in the specialist's reply are replaced before the asker sees
    them; the specialist is told what was removed."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(NEPHRO, "Faites-la rappeler au 06 12 34 56 78, c'est Mme Jeanne Dupont ?")
    relayed = await s.expect_text(GP, "Faites-la rappeler")
    for leaked in ("06 12 34 56 78", "Dupont", "Jeanne"):
        assert leaked not in relayed["text"]
    assert "[TÉL]" in relayed["text"]
    assert "[NOM]" in relayed["text"]
    notice = await s.expect_text(NEPHRO, "retiré")
    assert "téléphone" in notice["text"]


async def test_the_asker_reply_is_deidentified_too(s: Script) -> None:
    """Identifiers are removed in both directions, with an e-mail too."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, "Son fils écrit à jean.dupont@example.org, né le 04/05/1980.")
    relayed = await s.expect_text(NEPHRO, "Son fils écrit à")
    assert "jean.dupont@example.org" not in relayed["text"]
    assert "04/05/1980" not in relayed["text"]


async def test_a_photo_is_copied_with_a_deidentified_caption(s: Script) -> None:
    """A photo goes with copyMessage (never forwardMessage), protected, caption de-identified."""
    await s.conversation(GP, NEPHRO)
    sent = await s.c.send(GP, photo=True, caption="Œdèmes de Mme Jeanne Dupont ce matin")
    photo = await s.expect(NEPHRO, lambda m: m["photo"])
    caption = photo["caption"] or ""
    assert "Œdèmes de" in caption
    assert "Dupont" not in caption
    assert caption.startswith("💬 Confrère #")
    assert photo["protect_content"]
    (copy,) = [c for c in await s.c.calls("copyMessage") if c["params"]["chat_id"] == NEPHRO]
    assert copy["params"]["from_chat_id"] == GP
    assert copy["params"]["message_id"] == sent["message_id"]
    assert await s.c.calls("forwardMessage") == []


async def test_every_relayed_message_is_protected(s: Script) -> None:
    """Every message relayed between the two sides has protect_content set."""
    _, took = await s.conversation(GP, NEPHRO)
    await s.c.send(NEPHRO, "Question 1 ?", reply_to_message_id=took["message_id"])
    await s.expect_text(GP, "Question 1 ?")
    await s.c.send(GP, "Réponse 1.")
    await s.expect_text(NEPHRO, "Réponse 1.")
    await s.c.send(GP, photo=True, caption="Photo de la jambe")
    await s.expect(NEPHRO, lambda m: m["photo"])
    relayed = [
        m
        for user in (GP, NEPHRO)
        for m in await s.c.chat(user)
        if (m.get("text") or m.get("caption") or "").startswith("💬")
    ]
    assert len(relayed) == 3
    assert all(m["protect_content"] for m in relayed)
    sends = [c for c in await s.c.calls("sendMessage") if "💬" in c["params"].get("text", "")]
    assert sends
    assert all(c["params"].get("protect_content") for c in sends)


@pytest.mark.parametrize(
    "text",
    [
        "K+ < 5 & Na > 135 : <b>pas</b> de gras & co",
        "Merci 🙏🏽👩‍⚕️ à bientôt 🩺",
        "النص العربي: المريض بخير",
        "טקסט בעברית: המטופל יציב",
    ],
    ids=["html-chars", "emoji", "arabic", "hebrew"],
)
async def test_special_characters_arrive_verbatim(s: Script, text: str) -> None:
    """HTML-looking characters, emoji and right-to-left text arrive exactly as typed."""
    await s.conversation(GP, NEPHRO)
    await s.c.send(GP, text)
    relayed = await s.expect(NEPHRO, has("💬"))
    assert relayed["text"].split("\n\n", 1)[1] == text
