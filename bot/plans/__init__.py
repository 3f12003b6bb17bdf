"""Study plans, pure: no clock, no I/O, no transport.

* `model`: the stored plan and set-up draft, and `PlanOutcome`, what every transition returns;
* `phases`: study weekdays, phases, self-assessments, what a day is for, the streak;
* `schedule`: when messages go out, in the student's local time across daylight saving;
* `messages`: the summary, nudges, farewell, score-release and deadline messages;
* `operations`: what the student does to a plan (log, snooze, pause, stop, move the exam, ...).

Reading a student's answers lives in `bot.parse_answers`, time zones in `bot.timezones`,
the set-up conversation in `bot.plan_flow`.

How a transport is meant to drive it, for every stored plan:

* schedule a wake-up at `schedule.next_nudge_at(plan, now)`; when it fires, ask
  `schedule.due_day(plan, now)` and, if it returns a day, send
  `messages.nudge_for(plan, day, knowledge)` and store the outcome's plan (its
  `last_nudged` is the guard against a second send);
* after the exam (`schedule.exam_passed(plan, now)`, first possible at
  `schedule.farewell_at(plan)`), send `messages.farewell_for(plan, knowledge)` once and
  store the finished plan.

`bot.checkins` does both for the nudgers.
"""
