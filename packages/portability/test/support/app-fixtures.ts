/**
 * Exports of other habit apps, written by hand the way each app writes them (read from their
 * source: see the header of each importer in src/apps/). Dates are chosen so that every case of
 * each format appears once; the tests check every day of them.
 */

const encode = (text: string) => new TextEncoder().encode(text);

/** Beaver Habits v0.9 (`json.dumps`: one line, non-ASCII escaped). */
export const beaverExport = {
  user_email: 'someone@example.com',
  exported_at: '2025-05-01 21:03:11',
  habits: [
    {
      id: '3fa2c1',
      name: 'Read',
      records: [
        { day: '2025-04-30', done: true },
        { day: '2025-04-28', done: false, text: 'too tired' },
        { day: '2025-04-29', done: true, text: 'travel\n\n#amber #skip' },
        { day: '2025-04-27', done: true, text: 'a good one' },
        { day: '2025-04-26', done: false },
      ],
      tags: ['mind'],
      star: false,
      status: 'active',
      period: null,
      chips: ['yes', 'no', 'skip:#amber #skip'],
    },
    {
      id: '9b01de',
      name: 'Gym',
      records: [
        { day: '2025-04-21', done: true },
        { day: '2025-04-23', done: true },
      ],
      star: true,
      status: 'active',
      period: { period_type: 'W', period_count: 1, target_count: 3 },
    },
    {
      id: '77aa01',
      name: 'Call mum',
      records: [{ day: '2025-04-20', done: true }],
      status: 'archive',
      period: { period_type: 'D', period_count: 10, target_count: 2 },
    },
    {
      id: '55bb02',
      name: 'Swim',
      records: [],
      period: { period_type: 'W', period_count: 2, target_count: 1 },
    },
    { id: 'dead01', name: 'Old habit', records: [], status: 'soft_delete' },
    { id: 'c0ffee', name: '\u8aad\u66f8', records: [{ day: '2025-04-30', done: 1 }] },
  ],
};

export const beaverBytes = (doc: unknown = beaverExport) => encode(JSON.stringify(doc));

/** Table Habit 1.26 (json_serializable: null fields left out; freq_custom a JSON string). */
export const tableHabitExport = {
  habits: [
    {
      create_t: 1_714_550_000,
      modify_t: 1_714_550_000,
      type: 1,
      status: 1,
      name: 'Water',
      desc: 'Stay hydrated',
      color: 5,
      daily_goal: 8.0,
      daily_goal_unit: 'glasses',
      freq_type: 3,
      freq_custom: '[3,10]',
      start_date: 19_844, // 2024-05-01
      target_days: 66,
      reminder: '{"type":2,"time":{"hour":8,"minute":0},"extra":[]}',
      reminder_quest: 'Drink?',
      sort_position: 2.0,
      records: [
        { record_date: 19_845, record_type: 1, record_value: 8.0, reason: 'at work' },
        { record_date: 19_846, record_type: 2, record_value: 0.0 },
        { record_date: 19_847, record_type: 1, record_value: 0.0, reason: 'forgot' },
        { record_date: 19_848, record_type: 1, record_value: 5.5 },
        { record_date: 19_849, record_type: 0, reason: 'just a thought' },
      ],
    },
    {
      type: 1,
      status: 1,
      name: 'Meditate',
      color: 2,
      daily_goal: 1,
      daily_goal_unit: '',
      freq_type: 1,
      freq_custom: '[3]',
      start_date: 19_845,
      sort_position: 1.0,
      records: [
        { record_date: 19_845, record_type: 1, record_value: 1 },
        { record_date: 19_846, record_type: 1, record_value: 0 },
      ],
    },
    {
      type: 2,
      status: 3,
      name: 'Smoking',
      custom_color: 0xff123456 | 0,
      daily_goal: 0,
      daily_goal_unit: 'cigarettes',
      freq_type: 2,
      freq_custom: '[31]',
      start_date: 19_845,
      sort_position: 3.0,
      records: [
        { record_date: 19_845, record_type: 1, record_value: 0 },
        { record_date: 19_846, record_type: 1, record_value: 4 },
      ],
    },
    { type: 1, status: 2, name: 'Deleted', daily_goal: 1, freq_type: 1, freq_custom: '[7]' },
  ],
  groups: [],
};

export const tableHabitBytes = (doc: unknown = tableHabitExport) => encode(JSON.stringify(doc));

const H = 3_600_000;
/** 2026-03-10T00:00:00Z. The user lives at UTC+2 (Habitica's offset −120), days start at 3:00. */
const T0 = Date.UTC(2026, 2, 10);

/** Habitica's habitica-user-data.json (the user object, tasks grouped by type). */
export const habiticaExport = {
  _id: '2f7d2f4e-0000-4000-8000-000000000001',
  auth: { local: { username: 'someone', email: 'someone@example.com' } },
  profile: { name: 'Someone' },
  stats: { hp: 50, lvl: 12 },
  preferences: { timezoneOffset: -120, dayStart: 3 },
  inbox: { messages: { m1: { text: 'private, never read' } } },
  tasksOrder: {
    habits: ['hab-water', 'hab-snack', 'hab-mood'],
    dailys: ['day-weekdays', 'day-stretch'],
  },
  tasks: {
    habits: [
      {
        _id: 'hab-snack',
        type: 'habit',
        text: 'Late snack',
        notes: '',
        up: false,
        down: true,
        createdAt: '2026-03-01T10:00:00.000Z',
        history: [
          // 2026-03-10 12:00 local
          { date: T0 + 10 * H, value: -1, scoredUp: 0, scoredDown: 2 },
        ],
      },
      {
        _id: 'hab-water',
        type: 'habit',
        text: 'Drink water',
        notes: 'A glass at a time',
        up: true,
        down: false,
        createdAt: '2026-03-01T10:00:00.000Z',
        history: [
          // an old monthly average: no day in it
          { date: T0 - 200 * 24 * H, value: 3.2 },
          { date: T0 + 10 * H, value: 1, scoredUp: 3, scoredDown: 0 },
          // 2026-03-11 02:30 local is before the day starts: still the 10th… and summed
          { date: T0 + 24 * H + 30 * 60_000, value: 1.1, scoredUp: 1, scoredDown: 0 },
          { date: T0 + 56 * H, value: 1.2, scoredUp: 2, scoredDown: 0 },
        ],
      },
      {
        _id: 'hab-mood',
        type: 'habit',
        text: 'Mood',
        up: true,
        down: true,
        history: [{ date: T0 + 10 * H, value: 0, scoredUp: 1, scoredDown: 1 }],
      },
      { _id: 'hab-divider', type: 'habit', text: '— Evening —', up: false, down: false },
    ],
    dailys: [
      {
        _id: 'day-stretch',
        type: 'daily',
        text: 'Stretch',
        notes: 'Five minutes',
        frequency: 'daily',
        everyX: 2,
        startDate: '2026-03-01T08:00:00.000Z',
        checklist: [],
        history: [
          { date: T0 - 40 * 24 * H, value: 0.5 },
          { date: T0 + 8 * H, value: 1, isDue: true, completed: true },
          { date: T0 + 24 * H + 4 * H, value: 0, isDue: true, completed: false },
          { date: T0 + 48 * H + 8 * H, value: 1, isDue: true, completed: true },
        ],
      },
      {
        _id: 'day-weekdays',
        type: 'daily',
        text: 'Standup',
        frequency: 'weekly',
        everyX: 1,
        repeat: { m: true, t: true, w: true, th: true, f: true, s: false, su: false },
        startDate: '2026-01-01T00:00:00.000Z',
        history: [
          // Record Yesterday's Activity: two checks on Thursday the 12th, none on the 11th.
          { date: T0 + 48 * H + 6 * H, value: 1, isDue: true, completed: true },
          { date: T0 + 48 * H + 9 * H, value: 1, isDue: true, completed: true },
          { date: T0 + 10 * H, value: 1, isDue: true, completed: true },
        ],
      },
    ],
    todos: [{ _id: 'todo-1', type: 'todo', text: 'Taxes', completed: false }],
    rewards: [],
  },
};

export const habiticaBytes = (doc: unknown = habiticaExport) => encode(JSON.stringify(doc));

export const habiticaHistoryCsv = encode(
  'Task Name,Task ID,Task Type,Date,Value\nDrink water,hab-water,habit,2026-03-10 12:00:00,1\n',
);

/** HabitBull's CSV, in the shapes of Loop's habitbull*.csv fixtures (written anew). */
export const habitBullCsv = `HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText
Read,"chapters, not pages",Learning,2022-11-21,1,good book
Read,"chapters, not pages",Learning,2022-11-22,0,too tired
Read,"chapters, not pages",Learning,2022-11-23,0,
Read,"chapters, not pages",Learning,2022-11-24,1,
Pushups,,Fitness,11/5/2022,30,
Pushups,,Fitness,11/6/2022,-2150000000,
Pushups,,Fitness,11/7/2022,12.5,slow day
Pushups,,Fitness,11/8/2022,0,
`;

export const habitBullBytes = (text = habitBullCsv) => encode(text);
