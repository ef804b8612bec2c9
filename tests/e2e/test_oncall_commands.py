"""On call, end to end through the stand-in: /oncall, /offcall, /schedule, /pause, /capacity,
/status, the waiting questions a specialist gets on going on call, and the reminder before the
end of on call. The bot reads time from a clock the test moves; the sweep is called directly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.context import ConfrereApp
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import Sandbox
from bot.settings import Settings
from bot.texts import t
from storage.models import OfferState, ThreadState
from tests.conftest import make_settings
from tests.e2e.helpers import (
    button_data,
    buttons,
    fr,
    get_user,
    has,
    is_offer,
    offers,
    set_windows,
    threads,
    user_record,
    windows,
)
from tests.e2e.lifecycle_helpers import GP, NOW, Clock, Users, bot_at, nephro, run_sweep

NEPHRO_A, NEPHRO_B = 2001, 2002
SPANS = "lun-ven 18:00-22:00 ; sam 09:00-12:00"


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    """Default durations; the sweep job never fires on its own during a test."""
    return make_settings(sqlite_url, sweep_seconds=3600)


@pytest.fixture
def clock() -> Clock:
    """Wednesday 11:00 in Paris."""
    return Clock(NOW)


@pytest.fixture
async def app(migrated: Settings, sandbox: Sandbox, clock: Clock) -> AsyncIterator[ConfrereApp]:
    """The real Application on the stand-in, on the test's clock."""
    async with bot_at(migrated, sandbox, clock) as application:
        yield application


@pytest.fixture
def u(app: ConfrereApp, client: SandboxClient, settings: Settings, clock: Clock) -> Users:
    """The scripted users (the bot is running)."""
    return Users(client, settings, clock)


# --- /oncall and /offcall ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "until", "shown"),
    [
        ("/oncall", timedelta(hours=8), "19:00"),
        ("/oncall 2h", timedelta(hours=2), "13:00"),
        ("/oncall 90m", timedelta(minutes=90), "12:30"),
        ("/oncall jusqu'à 22:00", timedelta(hours=11), "22:00"),
    ],
    ids=["default-8h", "2h", "90m", "until-22:00"],
)
async def test_oncall_sets_the_end_of_the_period(
    u: Users, command: str, until: timedelta, shown: str
) -> None:
    """``/oncall`` (8 h by default, a duration, or until a local time) stores the end of the
    period and tells the specialist, in Paris time, until when."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, command)

    assert reply["text"] == fr(
        "oncall.on", until=shown, specialties=t("fr", "specialty.nephrology")
    )
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.on_call_until == NOW + until


async def test_a_bad_duration_is_explained_and_changes_nothing(u: Users) -> None:
    """``/oncall demain`` is refused with examples; the specialist stays off call."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, "/oncall demain")

    assert reply["text"] == fr("oncall.bad_duration")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.on_call_until is None


async def test_offcall_ends_the_period_now(u: Users) -> None:
    """``/offcall`` while on call clears the period and says so."""
    await u.seed(nephro(NEPHRO_A, on_call=True))

    reply = await u.command(NEPHRO_A, "/offcall")

    assert reply["text"] == fr("oncall.off")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.on_call_until is None


# --- /schedule ---------------------------------------------------------------------------------


async def test_schedule_saves_the_weekly_windows_and_shows_them(u: Users) -> None:
    """``/schedule lun-ven 18:00-22:00 ; sam 09:00-12:00`` stores six windows; ``/schedule``
    then lists them."""
    await u.seed(nephro(NEPHRO_A))

    saved = await u.command(NEPHRO_A, f"/schedule {SPANS}")
    shown = await u.command(NEPHRO_A, "/schedule")

    assert saved["text"].startswith("✅ Créneaux enregistrés (Europe/Paris)")
    assert await windows(u.settings, NEPHRO_A) == [
        *((day, 18 * 60, 22 * 60) for day in range(5)),
        (5, 9 * 60, 12 * 60),
    ]
    listed = [line for line in shown["text"].splitlines() if line.startswith("• ")]
    assert listed == [
        "• lun 18:00-22:00",
        "• mar 18:00-22:00",
        "• mer 18:00-22:00",
        "• jeu 18:00-22:00",
        "• ven 18:00-22:00",
        "• sam 09:00-12:00",
    ]


async def test_schedule_clear_removes_every_window(u: Users) -> None:
    """``/schedule clear`` removes the windows; ``/schedule`` then says there are none."""
    await u.seed(nephro(NEPHRO_A))
    await u.command(NEPHRO_A, f"/schedule {SPANS}")

    cleared = await u.command(NEPHRO_A, "/schedule clear")
    shown = await u.command(NEPHRO_A, "/schedule")

    assert cleared["text"] == fr("schedule.cleared")
    assert await windows(u.settings, NEPHRO_A) == []
    assert shown["text"] == fr("schedule.none", zone="Europe/Paris")


# --- /timezone ---------------------------------------------------------------------------------


async def test_timezone_moves_the_windows_with_it(u: Users) -> None:
    """``/timezone Indian/Reunion`` is stored; windows are then shown in that zone."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, "/timezone Indian/Reunion")
    saved = await u.command(NEPHRO_A, f"/schedule {SPANS}")

    assert reply["text"].startswith("Fuseau horaire : Indian/Reunion")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.timezone == "Indian/Reunion"
    assert saved["text"].startswith("✅ Créneaux enregistrés (Indian/Reunion)")


async def test_an_unknown_timezone_is_refused(u: Users) -> None:
    """``/timezone Mars/Olympus`` is explained and the zone is unchanged."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, "/timezone Mars/Olympus")

    assert reply["text"] == fr("timezone.bad")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.timezone is None


async def test_a_bad_window_is_explained_and_the_windows_are_kept(u: Users) -> None:
    """A window without a time range is refused with examples; the stored windows stay."""
    await u.seed(nephro(NEPHRO_A))
    await u.command(NEPHRO_A, "/schedule sam 09:00-12:00")

    reply = await u.command(NEPHRO_A, "/schedule lun-ven le soir")

    assert reply["text"] == fr("schedule.bad_window")
    assert await windows(u.settings, NEPHRO_A) == [(5, 9 * 60, 12 * 60)]


# --- /pause ------------------------------------------------------------------------------------


async def test_pause_for_seven_days(u: Users) -> None:
    """``/pause 7j`` stores the end of the pause and tells the specialist until when."""
    await u.seed(nephro(NEPHRO_A, on_call=True))

    reply = await u.command(NEPHRO_A, "/pause 7j")

    assert reply["text"] == fr("pause.on", until="12/03 11:00")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.paused_until == NOW + timedelta(days=7)


async def test_a_paused_specialist_on_call_is_not_offered_a_question(u: Users) -> None:
    """A specialist on call but paused is skipped: the question waits."""
    await u.seed(user_record(GP), nephro(NEPHRO_A, on_call=True))
    await u.command(NEPHRO_A, "/pause 7j")

    notice = await u.ask(GP)

    assert "attend" in notice["text"]
    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []


async def test_a_paused_specialist_inside_a_window_is_not_offered_a_question(u: Users) -> None:
    """A specialist whose weekly window is open now but who is paused is skipped."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await set_windows(u.settings, NEPHRO_A, [(2, 9 * 60, 18 * 60)])  # Wednesday 09:00-18:00
    await u.command(NEPHRO_A, "/pause 7j")

    notice = await u.ask(GP)

    assert "attend" in notice["text"]
    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []


async def test_a_window_open_now_is_enough_to_be_offered(u: Users) -> None:
    """Without a pause, the same specialist in an open window is offered the question (the
    control for the test above)."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await set_windows(u.settings, NEPHRO_A, [(2, 9 * 60, 18 * 60)])

    notice = await u.ask(GP)

    assert "proposée à 1 " in notice["text"]
    await u.expect(NEPHRO_A, is_offer)


async def test_pause_off_resumes_and_brings_the_waiting_question(u: Users) -> None:
    """``/pause off`` by a specialist on call ends the pause and offers them what waits."""
    await u.seed(user_record(GP), nephro(NEPHRO_A, on_call=True))
    await u.command(NEPHRO_A, "/pause 7j")
    await u.ask(GP)

    reply = await u.command(NEPHRO_A, "/pause off")

    assert reply["text"] == fr("pause.off")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.paused_until is None
    await u.expect(NEPHRO_A, is_offer)


async def test_pause_off_outside_on_call_does_not_offer_waiting_questions(u: Users) -> None:
    """A specialist neither on call nor in a window who ends a pause is not offered anything."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await u.command(NEPHRO_A, "/pause 7j")
    await u.ask(GP)

    await u.command(NEPHRO_A, "/pause off")

    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []
    assert [th.state for th in await threads(u.settings)] == [ThreadState.WAITING]


# --- /capacity ---------------------------------------------------------------------------------


async def test_capacity_3_is_stored(u: Users) -> None:
    """``/capacity 3`` stores the capacity and confirms it."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, "/capacity 3")

    assert reply["text"] == fr("capacity.set", count=3)
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.capacity == 3


async def test_capacity_0_is_refused(u: Users) -> None:
    """``/capacity 0`` is refused with the allowed range; the capacity is unchanged."""
    await u.seed(nephro(NEPHRO_A, capacity=2))

    reply = await u.command(NEPHRO_A, "/capacity 0")

    assert reply["text"] == fr("capacity.bad")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.capacity == 2


async def test_capacity_change_off_call_does_not_offer_waiting_questions(u: Users) -> None:
    """A specialist off call who raises their capacity is not offered the waiting questions."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await u.ask(GP)

    await u.command(NEPHRO_A, "/capacity 3")

    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []


async def test_a_specialist_at_capacity_is_not_offered(u: Users) -> None:
    """With capacity 1 and one conversation in progress, the next question goes to a colleague
    on call."""
    await u.seed(user_record(GP), nephro(NEPHRO_A, on_call=True, capacity=1))
    await u.ask(GP)
    offer = await u.expect(NEPHRO_A, is_offer)
    await u.c.press(NEPHRO_A, offer["message_id"], data=button_data(offer, "take:"))
    await u.expect_text(NEPHRO_A, "Vous avez pris")
    await u.seed(nephro(NEPHRO_B, on_call=True))

    notice = await u.ask(GP, "Hyperkaliémie à 6,5 chez un dialysé, avis néphro svp ?")

    assert "proposée à 1 " in notice["text"]
    await u.expect(NEPHRO_B, is_offer)
    second = (await threads(u.settings))[-1]
    assert [o.specialist_id for o in await offers(u.settings, second.id or 0)] == [NEPHRO_B]


# --- /status -----------------------------------------------------------------------------------


async def test_status_shows_state_windows_specialties_and_load(u: Users) -> None:
    """``/status`` shows the on-call end, the windows, the pause, the specialties and the load."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await u.command(NEPHRO_A, "/oncall 2h")
    await u.command(NEPHRO_A, "/schedule sam 09:00-12:00")
    await u.ask(GP)
    offer = await u.expect(NEPHRO_A, is_offer)
    await u.c.press(NEPHRO_A, offer["message_id"], data=button_data(offer, "take:"))
    await u.expect_text(NEPHRO_A, "Vous avez pris")

    reply = await u.command(NEPHRO_A, "/status")

    assert reply["text"].splitlines() == [
        "Votre statut",
        "Garde : oui, jusqu'à 13:00",
        "Créneaux : sam 09:00-12:00",
        "Pause : non",
        "Spécialités : Néphrologie",
        "Échanges en cours : 1 sur 2",
    ]


async def test_status_of_a_specialist_off_call(u: Users) -> None:
    """Off call, without windows: ``/status`` says no and none."""
    await u.seed(nephro(NEPHRO_A))

    reply = await u.command(NEPHRO_A, "/status")

    assert "Garde : non" in reply["text"]
    assert "Créneaux : aucun" in reply["text"]
    assert "Échanges en cours : 0 sur 2" in reply["text"]


# --- going on call brings the waiting questions -------------------------------------------------


async def test_going_on_call_offers_the_oldest_waiting_questions_up_to_capacity(
    u: Users, clock: Clock
) -> None:
    """Three nephrology questions wait; a nephrologist with capacity 2 goes on call and is offered
    the two oldest, oldest first; the newest keeps waiting."""
    await u.seed(user_record(GP), nephro(NEPHRO_A, capacity=2))
    for text in (
        "IRC stade 4, kaliémie à 6,1 sous ramipril, avis néphro svp ?",
        "Protéinurie à 3 g/24 h chez un diabétique, avis néphro svp ?",
        "Hyponatrémie à 125 sous thiazidique, avis néphro svp ?",
    ):
        notice = await u.ask(GP, text)
        assert "attend" in notice["text"]
        clock.advance(timedelta(minutes=1))
    oldest, middle, newest = await threads(u.settings)

    await u.command(NEPHRO_A, "/oncall")

    first = await u.expect(NEPHRO_A, is_offer)
    second = await u.expect(NEPHRO_A, is_offer)
    assert [f"#{oldest.code}" in first["text"], f"#{middle.code}" in second["text"]] == [
        True,
        True,
    ]
    await u.settle()
    assert len(await u.offers_to(NEPHRO_A)) == 2
    assert await offers(u.settings, newest.id or 0) == []
    assert [th.state for th in await threads(u.settings)] == [
        ThreadState.OFFERED,
        ThreadState.OFFERED,
        ThreadState.WAITING,
    ]


async def test_going_on_call_does_not_bring_other_specialties(u: Users) -> None:
    """A nephrologist going on call is not offered a waiting dermatology question."""
    await u.seed(user_record(GP), user_record(NEPHRO_A, specialties=["nephrology"]))
    await u.ask(GP, "Eczéma chronique des mains depuis 3 mois malgré dermocorticoïdes, avis ?")
    (thread,) = await threads(u.settings)
    assert thread.specialty != "nephrology"

    await u.command(NEPHRO_A, "/oncall")

    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []


async def test_saving_a_window_that_is_not_open_does_not_offer_waiting_questions(
    u: Users,
) -> None:
    """Saving Saturday's window on a Wednesday does not make the specialist available now."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await u.ask(GP)

    await u.command(NEPHRO_A, "/schedule sam 09:00-12:00")

    await u.settle()
    assert await u.offers_to(NEPHRO_A) == []


# --- the reminder before the end of on call -----------------------------------------------------


async def _reminder(u: Users, app: ConfrereApp, clock: Clock) -> dict[str, object]:
    """On call for 2 h from 11:00; the sweep at 12:50 sends the reminder; return it."""
    await u.seed(nephro(NEPHRO_A))
    await u.command(NEPHRO_A, "/oncall 2h")
    clock.advance(timedelta(hours=2) - timedelta(minutes=10))
    report = await run_sweep(app)
    assert report.reminded == 1
    return await u.expect(NEPHRO_A, has("⏰"))


async def test_the_reminder_offers_two_more_hours_or_stop(
    u: Users, app: ConfrereApp, clock: Clock
) -> None:
    """Ten minutes before the end, the specialist is reminded of it, with +2 h and stop."""
    reminder = await _reminder(u, app, clock)

    assert reminder["text"] == fr("oncall.reminder", until="13:00")
    assert [(b["text"], b["callback_data"]) for b in buttons(reminder)] == [
        ("+2 h", "oc:extend"),
        ("Terminer maintenant", "oc:stop"),
    ]


async def test_pressing_plus_two_hours_extends_the_period(
    u: Users, app: ConfrereApp, clock: Clock
) -> None:
    """Pressing +2 h moves the end from 13:00 to 15:00 and says so."""
    reminder = await _reminder(u, app, clock)

    await u.c.press(NEPHRO_A, int(str(reminder["message_id"])), data="oc:extend")

    reply = await u.expect_text(NEPHRO_A, "prolongée")
    assert reply["text"] == fr("oncall.extended", until="15:00")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert (user.on_call_until, user.oncall_reminded_at) == (NOW + timedelta(hours=4), None)


async def test_pressing_stop_ends_the_period(u: Users, app: ConfrereApp, clock: Clock) -> None:
    """Pressing stop on the reminder ends on call now."""
    reminder = await _reminder(u, app, clock)

    await u.c.press(NEPHRO_A, int(str(reminder["message_id"])), data="oc:stop")

    reply = await u.expect_text(NEPHRO_A, "plus de garde")
    assert reply["text"] == fr("oncall.off")
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.on_call_until is None


async def test_the_end_of_on_call_is_announced_by_the_sweep(
    u: Users, app: ConfrereApp, clock: Clock
) -> None:
    """Past the end of a 90-minute period the sweep closes it and the specialist is told."""
    await u.seed(nephro(NEPHRO_A))
    await u.command(NEPHRO_A, "/oncall 90m")
    clock.advance(timedelta(minutes=91))

    report = await run_sweep(app)

    assert report.oncall_ended == 1
    await u.expect_text(NEPHRO_A, fr("oncall.ended"))
    user = await get_user(u.settings, NEPHRO_A)
    assert user is not None
    assert user.on_call_until is None


async def test_an_offer_made_on_going_on_call_is_pending(u: Users) -> None:
    """The offer a specialist gets on going on call can be taken: it is a pending offer."""
    await u.seed(user_record(GP), nephro(NEPHRO_A))
    await u.ask(GP)
    (thread,) = await threads(u.settings)

    await u.command(NEPHRO_A, "/oncall")

    await u.expect(NEPHRO_A, is_offer)
    states = {o.specialist_id: o.state for o in await offers(u.settings, thread.id or 0)}
    assert states[NEPHRO_A] == OfferState.PENDING
