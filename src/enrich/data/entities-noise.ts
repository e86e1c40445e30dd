// Capitalised words that are not mentions of anything: the pronoun "I" and its contractions, fillers and
// interjections speech-to-text capitalises, days, months, honorifics (kept as cues, never as names), and generic
// acronyms. Written by hand for podsift from the common capitalised non-names of English transcripts.

/** Compared lower-cased, with apostrophes as "'". */
export const NOISE_WORDS: readonly string[] = `
i i'm i've i'll i'd im ive ill id okay ok oh ah uh um hmm mm mhm huh wow hey yeah yes no yep nope hi hello bye
gosh god lord jesus christ damn hell heaven sir madam ma'am mister mr mrs ms miss dr doctor prof professor
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december christmas easter thanksgiving halloween
mom dad mum mama papa grandma grandpa
am pm bc ad ce bce
`.split(/\s+/).filter(Boolean);

/**
 * Acronyms and capitalised terms that name a general idea rather than one thing (artificial intelligence is not an
 * entity; OpenAI is). Their use as a mention would put them in half the library.
 */
export const GENERIC_TERMS: readonly string[] = `
ai agi asi ml nlp llm llms gpu gpus cpu cpus tpu api apis ui ux os vr ar xr iq ceo ceos cto cfo coo phd phds md
tv pc pcs ok dna rna mrna atp co2 ufo ufos usb html css http url pdf ppt faq diy rpg fps mmo npc
hr pr ipo vc vcs gdp ev evs suv lol omg btw aka etc vs eg ie bs dm dms sf sci fi
rl cnn cnns rnn rnns lstm gan gans nn mlp sgd cv pow pows pw nda
ptsd adhd ocd lsd dmt mdma thc cbd covid
internet web english math maths stem
`.split(/\s+/).filter(Boolean);

/** Titles before a name: a person cue, dropped from the name ("Dr. Jane Smith" is "Jane Smith"). */
export const HONORIFICS: readonly string[] = `
mr mrs ms miss dr doctor prof professor sir dame lord lady president senator congressman congresswoman governor
mayor judge justice general colonel captain lieutenant sergeant admiral king queen prince princess pope saint st
rabbi father sister brother uncle aunt chancellor minister prime premier chairman ambassador secretary
`.split(/\s+/).filter(Boolean);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS: readonly string[] = `
mr mrs ms dr prof st jr sr vs etc gen sen rep gov lt col capt sgt adm mt ft inc corp co ltd no e.g i.e u.s u.k
`.split(/\s+/).filter(Boolean);

/** Compass words: part of names ("North Korea", "Middle East", "West Virginia"), never a name alone ("ran West"). */
export const DIRECTION_WORDS: readonly string[] = ['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'middle', 'central', 'upper', 'lower', 'great', 'new', 'old'];
