//! The `extract` stage: bytes of a file become an [`Article`] ([`ingest`]), an
//! article becomes casualty [`Claim`]s ([`Extractor::extract`]).
//!
//! Pure functions over in-memory data: no files, no threads, no panics on any
//! input. Problems are returned beside the result, never raised.

pub mod claims;
pub mod dates;
pub mod gazetteer;
pub mod ingest;
pub mod lexicon;
pub mod numbers;
pub mod parties;
pub mod phrases;
pub mod sentences;
pub mod tokens;

use jiff::ToSpan;
use jiff::civil::Date;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use ledger_types::{ArticleStatus, FurnitureKind, Measure, Party, PartyKind, Place, Scope, Span};

pub use ledger_types::{Article, Claim, Extraction};

use crate::claims::{ClaimantRef, PartyInSentence, SentenceInput, sentence_claims};
use crate::gazetteer::{Gazetteer, PlaceMention, precision_rank};
use crate::lexicon::{country_of_demonym, is_weekday, month_number};
use crate::numbers::{VAGUE_AMOUNTS, Words};
use crate::parties::{PartyMention, PartyTable};
use crate::phrases::FoldedText;
use crate::tokens::{Token, TokenKind, tokenize};

/// Claims read from one article at most: every claim carries its sentence, so
/// a hostile file of nothing but counts ("killed 1 killed 2 ...") would
/// otherwise cost gigabytes. Real articles stay far below it.
pub const MAX_CLAIMS_PER_ARTICLE: usize = 5_000;

/// Version of the extraction rules; caches keyed on it are invalid when it changes.
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.110");

/// What counts as a claim, in words, for the method page. Keep in step with `claims`.
pub const CLAIM_RULES: &[&str] = &[
    "A claim is a count of people bound to one outcome (killed, injured, casualties, displaced, trapped, detained, missing, kidnapped) within one sentence. A dateline, or the title repeated at the top, run into the first sentence cuts it in two; a title the text does not repeat is read as a sentence of its own, its claims listed after the text's (in_title), placed where the text's first claim is when it names no place.",
    "A count is bound to an outcome by a verb before it (\"killed 12 civilians\"), an outcome word after its noun phrase (\"12 civilians were killed\", \"28 militants dead\"), a cue before it (\"the death toll rose to 86\", \"among the dead were 4 children\"), or a list it belongs to (\"55 civilians killed, including 19 children\" gives two claims; \"among at least 25 injured eight were in critical condition\" gives 25 and 8 injured).",
    "Not claims: counts of strikes, raids, incidents, animals (\"killed a farmer and 200 sheep\") or other things; counts over 100 million (\"the toll on the economy has risen to 13 billion\"); years, ages, money, percentages, durations and distances; a number right before another (a time stamp); counts inside page furniture (share counters, donation appeals, link lists, photo credits).",
    "Qualifiers bind only the number they stand before: \"at least 47\" is 47 or more, \"more than 200\" above 200, \"nearly 170\" about 170, \"up to 30\" at most 30, \"10 to 15\" a range; \"at least\" after the noun (\"125 terrorists at least\") qualifies it too.",
    "Victims: civilians, children and women when the text counts them apart, combatants for fighters, troops, militants; people otherwise. Ages (\"aged from four to 10\") are no counts; \"N bodies\" and \"N corpses\" are the dead; \"among the victims\" are casualties, \"among the martyrs\" the dead; people \"forced from their homes\", \"out of their homes\" or who \"began to flee\" are displaced, and those who \"live under siege\" trapped; \"unaccounted for\" is missing; \"were rounded up and executed\" takes the last verb. \"Others\" after fighters are fighters; \"16 of them\" are the group named before; \"including 105 who died\" counts the group it breaks down; \"heads of\" or \"leaders of\" an armed group are combatants; police are people. \"30 dead and wounded\" are casualties (not \"10 dead and wounded 25 others\"); \"a father of four\" counts no victims, \"including a family of four\" does; \"he was killed along with two other people\" counts the two; \"N refugees\" are displaced when the sentence says they left, are hosted or registered (\"Turkey hosts 3 million refugees\", \"home to\", \"taken in\"; not \"deported 300 refugees\"), and \"hundreds flee\" too (not \"three gunmen flee\"); \"shot dead 12\" are killed; \"killing civilians including three children\" counts the children; \"12 of his field commanders\" are combatants; a list member after \"and\" with a verb of its own (\"..., and 2000 refugees have returned\") takes no outcome from the list; \"88 killed & injured\" are casualties; \"among those killed\" are the dead; \"from the six families\" counts no one; a toll's rise (\"the death toll from strikes on ... has risen to 61\") names its count however long the toll's phrase; \"its toll for the number of soldiers killed\" counts soldiers; \"dead and injured from army personnel\" are combatants; \"30 regime and 39 rebel fighters\" are both fighters (not \"four witnesses and two doctors\"); \"stoned to death\" are killed (not \"sentenced to death\"); \"executed and crucified nine men\" takes the first verb; \"killed a woman and her four children\" counts the children (not \"leaving his wife and their three children\"); \"14 of the IS group fighters\" and \"killed 38 regime forces\" are combatants; \"killed a staff member and around 20 civilians\" counts the 20; a quoted name or an aside between dashes stays in the subject (\"Three rescue workers - better known as the White Helmets - have been killed\"); a headline's bare noun takes its own verb (\"Civilian killed 3 injured\": 3 injured); \"12 people were taken hostage\" and \"350 hostages have been taken\" are kidnapped; a breakdown may follow an aside (\"were killed, the network claimed, including 192 children\") and a long named member (\"Twelve people including the provisional government's minister X were killed\"); people \"dying\" are the dead; \"dozen people\" is about 12; \"the death count could be over 50\" and \"bringing the number killed in 24 hours to 45\" are tolls \"14 fighters from the brigade and three civilians were killed\" and \"14 civilians from Talbiseh, 9 from Rastan and 5 from Houla were evacuated\" reach their verb past where the people came from (not \"the army brought 150 soldiers from Hama and 20 were killed\", whose 150 another verb took), and \"five children from one family\" counts the children, not the family; \"are currently trapped\" and \"were reportedly killed\" keep their adverb; \"fell as martyrs\" are the dead, and so are fighters \"destroyed\" (\"destroyed over 45 terrorists\", \"destroyed 10 gunmen\"; not \"7 terrorist dens\" or \"8 terrorists' vehicles\"), and \"12 terrorist targets\" or \"12 rebel positions\" are things of a party, which neither counts people nor names who killed (\"bombed 12 rebel positions and killed 16 fighters\"); \"the Iranian militias summarily executed\" names Iran; a place \"based in the UK\" is where a source sits.",
    "One person (\"a woman was killed\", \"one civilian\", \"a civilian was injured\", not the adjective of \"civilian casualties\") is a count of 1 only when the outcome is bound to them directly. So is a possessive kin noun as the subject of its outcome (\"his son was injured\", not \"a man and his wife were killed\", where the pair is meant); \"two of her children\" counts children.",
    "A denial (\"denied any civilian casualties\") is a claim of zero with stance denied.",
    "Scope is cumulative for running totals (\"since\", \"so far\" before the count or beside a war, campaign, fighting, raids or years, or after \"has killed\" said of a party (not of \"the blast\"), not \"43 dead so far\" of one attack, \"the conflict has killed\", \"has admitted to killing\", a period longer than three days) and for displaced, trapped and detained counts without an event date; incident otherwise.",
    "Place: the most specific gazetteer place named near the count in the sentence (a place the victims came \"from\" ranks last; a landmark, \"north of Aleppo\", \"near Damascus\", \"20 km from Homs\", yields to a more precise place within 100 km named just before), else in the nearest of the six earlier sentences (past one naming only a country, to a place in it; for an event claim that takes its day from the story and does not speak of \"the attack\" (or does, repeating a count told before of that day), past one dating what it tells only to other days), else in the title, else (for a headline or lead) in the next three sentences (of its own paragraph, unless it stands on a line of its own), which also come before a title naming only a country; a running toll takes no place from another paragraph. An event claim whose sentence names only a country takes a finer place in that country from these sentences when they have one, unless it counts \"across\" or \"elsewhere in\" the country. A war's running toll with no place of its own, and the millions it displaced, are placed in the country. A capital standing for its government (\"Moscow denied\", \"Ankara accused\", \"blamed on Damascus\", \"Damascus's allies\") names no place. One count told of two towns more than 100 km apart (\"seven killed in attacks in Aleppo and Sweida\") sums several events and is placed in their country (not \"the border between Aleppo and Raqqa\" or \"the highway linking Damascus and Homs\"). The place is given as the article spells it, with the gazetteer's canonical name beside it. A claim whose sentence names no place but a capital, attacked near the count (\"rockets hit the capital, killing 4\") or where the count happened (\"4 were killed in the Iraqi capital\", \"In the capital, a bomb killed 4\", \"a bomb exploded in the capital, killing 4\"; not \"north of the capital\", \"officials in the capital said\", \"talks in the capital stalled as strikes killed 12\"), is placed in that capital, of the country the article speaks of unless named, or in the place within it the article named before. A running toll of 100,000 or more dead, or of a million or more displaced, is a war's, placed in the country. A place past a clause of another outcome after the count's own place (\"11 were killed in Saraqeb and another man died in Sheikh Mustafa\") is not the count's. A city after the year of a dateline at the top of the text, run into the lead (\"Last updated at Jan 202015 Beirut Syrian government air strikes\"), is where the bureau sits; a title's trailing \" | Site Name\" (at most four words, one naming media: \"Jordan Times\", \"Al Jazeera\", or \"Middle East\") is cut.",
    "Date: a date in the sentence (relative dates resolved against the article date; dates of speech such as \"said on Monday\" ignored, though not a day that opens what was said, \"said that on Monday\"; two days named together, \"on Tuesday and Wednesday\", are one span; \"a day after X killed 22\" and \"a week after\" date X that long before the sentence's own day; \"days after\" dates it two to seven days before the article's date), else the date of a claim in the previous two sentences of the same paragraph, else (for one event) the first day the article says something happened on (\"on Thursday night the navy launched\"), else the first day a sentence telling casualties says they were reported on (\"a bomb killed six, state television reported on Wednesday\"); a day that opens a saying clause (\"on Wednesday officials announced\") is a day of speech; an article that names no day leaves it empty. A running toll a conflict \"has since\" taken (the \"since\" just before its count) runs from the start it gives (\"the conflict that began in March 2011 ... has since killed 300000\"); \"the war, which began in 2011, has killed\" names no start.",
    "Claimant: \"according to X\" (also \"according to a new toll from X\"), \"X said/reported/told\", \"X, a monitoring group, said\", \"said X\"; \"it said\" refers to the last claimant named; a passive \"alleged from X\" names no speaker; a headline ending with its source (\"... - monitor\") names it. Actor: a belligerent named as the agent (\"by X\", \"X airstrikes\", \"X killed\", \"the X terrorist group\"), or who \"has admitted to killing\"; the side that \"lost\" fighters is not their killer, but the other side of the fighting they died in is (\"killed in clashes with X\"); an army the text does not name (\"army units killed\", \"the troops repelled the attack, killing\") is the state army the article last named before the count, else one that speaks after it, else its title's, else that of the country the claim happened in (the party table's \"army of\" column); \"the strikes\", \"Monday's airstrikes\" take the actor of the attack told just before. A name the party table does not list, written as one (\"Reporters Without Borders said 23\", \"activist Omar Abu Laila said\"), speaks when what it says follows, unless the words around it are mostly capitalised too (a title-case headline); a sentence adverb is no part of it, and after a preposition (\"In Deir Ezzor Ahmed Hassan said\") the place cannot be told from the name, so none is taken; an apposition without commas (\"the White Helmets another rescue group said\") names the party before it. Who keeps the toll gives it (\"the Observatory raised its toll to 20\"); a relative clause does not name the speaker (\"the Observatory, which tracks the war through activists, said\": the Observatory); \"he said\" (not \"it said\") is the speaker an earlier sentence named (\"an official at the governor's office said\") when no listed source spoke or was named since. Of two sides named together as the subject or agent (\"the Assad regime and its ally Russia killed\", \"regime and Russian jets\"; not \"clashed with ISIS and Russian jets killed\"), the first is the actor. \"Two were killed when terrorists fired rockets\": the subject of the attack the clause after the count tells is the actor. \"Strikes blamed on X\" and \"attributed to X\" name the actor; a suicide bomber is the actor when the text names no group for them (\"an IS suicide bomber\": IS); a party after the count whose own verb takes another count (\"killed 29, a week after a bomber killed 12\") is that other claim's actor only. \"X claimed\" ending its clause (\"were killed, activists claimed\") names the speaker, unless it claims an attack (\"the bombing, which IS claimed\"). A headline's present tense opens a clause like a past one (\"Syrian regime repels rebel offensive near Aleppo killing 40\"). A speaker that tells what it did is the actor too (\"the ministry said it had killed 60\", \"Turkey said its jets killed 25\", a headline's \"Russia says kills 9\", \"it had wounded a commander with an air strike that also killed 8\"; not a count in a clause of its own: \"and that 3 soldiers were killed\", \"in response to a bombing that killed 7\"); \"it\" right after a named speaker's verb is that speaker (\"the Observatory said it had documented 19 deaths\"). A party is no actor as a place (\"near the Turkish border\", not \"Turkish border guards\"; \"the rebel enclave\", \"an IS stronghold\") or a victim (\"a Briton among 14 jihadists\", \"two Americans were among 26 killed\"); a party's members act by its name (\"Nusra Front fighters stormed a village killing 13\"), and \"says Daesh kills 4\" names no speaker in Daesh; \"Turkey said IS killed 3\" names IS (its name is no passive \"is killed\"); a subject whose verb took a count of its own is not the actor of a later count with a passive verb of its own across a clause of its own (\"the army said it had killed 40 militants and that 3 soldiers were killed\", \"while 4 Russian soldiers were wounded\"; but \"airstrikes killed 30 civilians and 50 were wounded\" and \"killed 14 people including 4 children who were shot\"); \"rebels fired shells that killed 6\" names the rebels (not \"fired at the jets that killed 6\"). Claimants also: \"X in Y said\" (\"the Civil Defence in Idlib said\"; not a side in the fighting mid-sentence, \"killed 9 members of IS in Idlib said the Observatory\"), \"a source at the town hospital said\", an organisation's name before its apposition (\"the Center for Policy Research, an NGO, however, has put the toll at\"; not \"the jets pounded Maarat al-Numan, a doctor said\"), \"X gave a lower toll of\", \"placed the death toll at\", plural sources (\"activist groups say\"), \"..., X told Anadolu Agency\", one name ending its clause (\"..., Haddad reported\"), a name after its article (\"al-Watan News reported\"); not a place after a preposition (\"the strike on Urum al-Joz saying\"), nor the victims (\"killed 6 nurses said Doctors Without Borders\"). A war's toll is placed in the country the sentence names the war by (\"the Syrian civil war\"), else the one most of the article's places are in. \"In recent days\" is a running total, and so are \"barrel bomb attacks\" in a month. A war's length makes its toll cumulative (\"the five-year conflict has killed\"; not \"a 30-year-old war reporter\", \"one of the deadliest raids of the five-year war\"), and so does an upper bound alone in the thousands (\"as high as 470000\"). A headline (the title, or a sentence near the top that repeats a title of at least 20 characters, its count inside the title: not \"Car bombs in northern Syria killed 25\" under the title \"Car bombs in northern Syria\") that names no actor takes the actor of its lead's claim of the same outcome and count (\"Strike kills 18\" over \"Russian warplanes killed 18 people\"), not of another count, and one ending with an unnamed source (\"... kills 12 NGO\") takes the lead's claimant, unless that is state media or a side in the fighting; a headline's two verbs without their comma (\"ISIS recaptures gas fields kills 30\") make the first one's subject the actor. The side the victims fought is the actor (\"18 jihadists killed fighting Syria Kurds\"); the victims' own side never is (\"four YPG fighters were killed in clashes with the Kurdish militia\"), nor a party whose members they were (\"after killing 30 members of the regime troops\"), nor one that retook a place where bodies were found or from someone (\"bodies found in a town retaken by government forces\"; but \"their base was overrun and taken by IS\", \"villages retaken by IS militants, who executed them\"). A day named inside a vague span in the count's own clause dates it (\"earlier this month ... were killed ... on Friday\"; not \"12 were killed last week, and on Friday another 5\"). The subject of an \"as\" or \"when\" clause that tells the attack \"by targeting\" or \"by shelling\" acts (\"two were killed as terrorists breached the truce by targeting the district\"). \"Claimed lives of 8\" is a killing, and so is \"claims 11 children\" when a weapon or attack is its subject (\"Car bomb claims 11 children\", \"a rocket attack on the district of X claimed 2 children\", \"blasts hit a checkpoint claiming 4\"; not \"After the attack, the army claimed 30 rebels had surrendered\", nor \"claims 500 militants surrendered\"); \"six of them children\" counts children; a long \"from ...\" phrase (\"three women from the besieged town of X west of Y were killed\") is part of the subject. \"Killing all five people on board\" counts five; \"6 Lebanese martyrs\" are six killed (not \"Five Martyrs Brigade fighters\"); a headline's list needs no \"and\" (\"40 Civilians 25 YPG Fighters Killed 110 Injured\"); a speaker may be \"initially\" or \"first\" before its verb (\"the monitor had initially given a death toll of 34\"); a phrase ending on the people counted speaks for no one (\"killed 8 IS group militants, report says\"). \"Over the weekend\" is the latest Saturday and Sunday on or before the article's date (\"last weekend\" in a weekend's article, the one before; not \"the weekend market\"). A photo caption ending with the day it was taken and its credit (\"... in Syria June 18 2016 (TRT World and Agencies)\") dates no event; a sentence that reports a count there is no caption (\"The army said 12 soldiers were killed in Mosul on June 1 2017 (AFP)\"). An attempt or threat is no outcome (\"tried to arrest two persons\", \"threatened to kill 20 hostages\"); a headline's \"25 Fighters Killed Injured\" are casualties; \"adding that 234 of them were children\" breaks down the count before the speaker; \"the dead were from six families\" counts no one, nor do \"the families of 30 martyrs\"; \"..., a commander said\" is a speaker; airmen and loyalists are combatants; \"the weekend before last\" is no weekend of this week. \"Put the death toll at least at 85\" is at least 85, and \"X says 180000 have been killed while the UN puts the figure at 191000\" is the UN's toll of the same dead. \"11 members of one family\" are people, and the family no count; \"..., a medic said\" is one speaker, not one victim. A war's toll in its relative clause is the country's only in the tens of thousands. \"Six wounded soldiers later died\" are killed (not \"nearly died\"), and so are \"two of whom later died\". \"Security forces\" the text does not name are the forces of the country the claim happened in (not the people counted, \"9 security forces were killed\", nor the targets of \"attacks on civilians and security forces\"); a party's possessive names it (\"Daesh's security forces\", \"Russia's military said\"), though not as the side of the people counted (\"7 of Russia's military advisers were killed\"). A count with a verb of its own (\"and millions have been made homeless\", \"and 20 were rescued\") takes no outcome from the count before; \"and another five outside Kobane\" takes the dead or wounded before it. \"Women and children\" counted together are civilians (not \"12 women and 5 children\"). \"At the hands of X\" names the actor (not \"fell into the hands of X\"), and so does the subject of \"has attacked ..., killing\" (not \"has vowed revenge after the bombing, killing\"). A speaker phrase does not open with the people a count before it counts (\"including 10 children Lebanese TV channel Al-Mayadin reported\"). A broadcaster named for a town (\"Lebanese TV channel Al-Mayadin reported\") and a sponsor (\"backed by Qatar\", \"Damascus-backed\") are no places; \"dead among the ranks of X\" are fighters. \"Tens of its own fighters\" are fighters (\"dozens of their vehicles\" no people); those \"killed fighting alongside X\" did not fight X. A toll's rise (\"the death toll ... has reached 20 people in addition to tens of others injured\") names its count's outcome before any outcome after the count. A time of day (\"19:18\") is no count; \"a confirmed 33\" is 33. \"Bombing claims 5 in Latakia\" counts the dead of an attack. \"The air force\" the text does not name is the state's, like an unnamed army (not \"air force attacks\"). An agent is no speaker (\"seized by the terrorists said the Britain-based group\": the group speaks), and those who train, arm or fund fighters (\"trained and equipped by Washington\") are not their acts' agent. A quotation opening on the verb keeps its speaker ('the Observatory \"has documented the killing of 5812 civilians\"'); \"the past week\", \"the past month\" and \"the past year\" run up to the article's day (\"last week\" is the week before it). \"Kills one in X\" counts one (not \"one by one\"); \"374 people recorded killed\" are killed; \"270 dead bodies of which at least 96 were children\" breaks them down. \"Wounding 90 hours after the deal\" counts 90 wounded, its comma lost (not \"came 90 hours after\"). What is \"announced\" or \"declared\" when it is no toll (\"hours after the US and Russia announced a deal\") names no speaker. An aside in brackets stays in the subject (\"24 Daesh terrorists (a group banned in Russia) were killed\"), and so does a relative clause up to the subject's own passive verb (\"nine fighters who were working in the clinic were also killed\"). \"A woman was killed and 25 others on a bus were wounded\": a list member with its own passive verb takes that outcome. \"The number of people abducted ... stands at 220\" and \"the number of civilians displaced reached 5000\" are tolls of that outcome and those people; people \"trapped inside\" a town or who \"remain under siege\" are trapped. A \"since\" of a relative clause after the count (\"in the city that has been divided since July 2012\") dates nothing and makes no running total. \"According to a February report by X\" names X; \"civil defence emergency workers operating in opposition-held areas say\" names the civil defence. A ratio (\"kills one in 10 children\") and \"one after another\" count no one; only killing and wounding take a count before \"hours after\" (not \"began arresting 30 days after\"); a tally, estimate or death announced, or one a strike \"had killed\", still names its speaker, while an agreement or a turn of the war announced (\"declared the end of the ceasefire\") never does. A running toll keeps the \"since\" of its relative clause (\"has killed 60 people in Douma, which has been pounded since Sunday\"). Where speakers work (\"working in Aleppo for the Observatory\") is cut only when it names no employer. \"Of which 40 were later released\" has a verb of its own. Rescue, emergency and humanitarian workers are civilians; \"Kurdish forces\" and \"Kurdish troops\" are the YPG; a party counted as the subject of a passive outcome (\"several dozen Kurdish forces were also killed\") or the victims' ally after the count (\"a fighter backing the Kurdish forces\") is no actor, and \"the number of soldiers killed\" names no army. A \"since\" that measures a first or a superlative (\"the first explosion to hit the town since the outbreak of the war in 2011\", \"the deadliest attack since 2013\") dates nothing and makes no running total; a group joined by \"and\" to the victims' group (\"40 militants of al-Nusra Front and the so-called Free Syrian Army\") is theirs too, no actor; \"the Syrian Arab Air Force\" is the Syrian government. Rescue, emergency, humanitarian and relief workers, volunteers, personnel, responders and crews are civilians (not \"3 emergency hospitals\"); \"Kurdish forces\" and \"Kurdish troops\" are a party of their own (Syria's YPG or Iraq's Peshmerga), on the YPG's side; a party counted as the subject of a passive outcome is no actor (\"several dozen Kurdish forces were also killed\"; not \"two Russian jets have killed 18\"). An agreement announced names no speaker only when a count follows it with nothing to link them (\"declared the end of the cease-fire at least 359 civilians have been killed\"; not \"declared its operation killed 200\", \"announced the start of the offensive, saying 40 were killed\"). A toll that \"has died\" or \"have starved\" keeps its relative clause's \"since\". A superlative or \"first\" measures the \"since\" only when it heads its phrase (not \"the worst week of the war, 400 people have been killed since Friday\", nor \"most of them children, since Monday\"); a party after \"and\" that opens a clause of its own (\"and the coalition claimed responsibility\") is not joined to the victims; of \"clashes between X and Kurdish forces\", a name that yields to named parties yields to the first side. A breakdown right after its whole's phrase (\"10 people in Damascus including a child\") takes its whole's actor, whatever a clause after it names (\"while government air strikes killed 82\"), unless it names its own (\"including 25 militants killed by coalition air strikes\"); \"the group with a network of sources inside Syria said\", opening its clause, is the source named before (not \"the group with the lowest toll Syria Tracker said\"). An outcome participle with an object of its own (\"killing 3 civilians including 2 women injuring 15 others\", \"2 soldiers wounding several others\") says nothing of the count before it; \"parts of Aleppo held by the rebels\" detains no one (\"200 people held by IS\" and \"fifty members of the army held by Nusra\" are detained); \"shoot dead\" kills (not \"threatened to shoot dead\"). That participle takes the count after it even right after a breakdown (\"including two women injuring 15 others\": 15 injured). An outcome adjective yields to the verb that tells what became of them (\"20 displaced civilians were killed\"), and so does a relative clause's outcome (\"five civilians who fled to Turkey died\", \"10 people who had been detained were found dead\"); where people fled to is no actor. \"The casualties are in their hundreds\" counts casualties; \"the execution of 20 prisoners\", \"the elimination of 34 militants\", \"the murder of 5\" are killings. A quoted name is one step of the subject, however long (\"33 members of the \\\"Islamic State in Iraq and Levant\\\" organization were killed\"). \"Terrorists positioned in X fired shells, killing 3\": where they were is part of the subject. Members of medical staff, the civil defence or a rescue team are civilians. \"X targets Y positions, killing 18\" names X (not \"rebel targets near Hama\"), and a party it targets is no actor. \"Shot dead\" is an active outcome verb (\"Hezbollah shot dead six\"), and suicide bombers counted as its victims are no actor (\"Peshmerga shoot dead six ISIS suicide bombers\"). \"Killed after X shot down their helicopter\", \"as X downs a chopper\" and \"killed as X advanced\" name X; but a count whose verb has a subject of its own takes no actor from an \"as\" or \"while\" clause after it (\"a mortar attack killed two people as regime forces pressed a campaign\"). \"..., a doctor in Saraqib said\" is a speaker, not a victim. Peshmerga are Kurdish forces (and fighters), \"Isis\" is IS and \"Kurdish militants\" the YPG. An outcome adjective or relative clause yields only to a fate, not to where people were taken (\"seven injured children were evacuated\" are injured; \"wounded fighters were captured\" detained); \"threatened\", \"vowed\", \"ordered\" or \"denied the execution of 20\" is no killing; an \"as\" clause whose party strikes names the actor of a count whose subject is a weapon (\"air strikes killed 20 as Russian jets pounded Aleppo\"), a \"while\" clause or an advance does not (\"an air strike killed 9 in Idlib while rebels shelled Aleppo\"); \"Hezbollah fighters shot dead six\" names Hezbollah; \"a resident of Douma said\" is no victim. A headline that names no day takes the day of its lead's claim of the same outcome and count when that day is within the week before the article (\"24 hours of shelling kills 31\" over \"31 people were killed in the past 24 hours\"), not the first day the article names, which may be another event's; a count right after a day (\"said Friday 19 people were killed\") is no byline's date. A place named for a day (\"April 7th Street\") dates nothing; a day right after an attack noun is the attack's, even after \"said\" (\"said shelling on Sunday hit several districts\"); a day a video, statement or press release was released, published or posted is a day of speech (not \"detainees were released on Thursday\"). A count before a colon and a word is a headline's (\"rises to 76: monitor\"), not a time of day (\"19:18\"); a headline's outcome right after one person (\"Girl child killed two others injured\") closes that person's phrase, and the count after it takes its own. \"Seven days of airstrikes have killed 150\" runs over the seven days up to the article's, like \"the past seven days\" (not \"the seven days of mourning\"). A headline's bare person noun ends its phrase only without a determiner (not \"the police detained 30 Syrians who had fled\"); \"called the execution of 20 a war crime\" is a killing; \"bore down on the town\" is no strike. A party before \"a day after\" (or hours, days after) acts in its own clause, not in the other day's event the count after it belongs to (\"six were killed in rebel shelling on Thursday, a day after airstrikes on a school left 35 dead\"; not \"a day after they killed 12\"); \"according to earlier information provided by a source at X\" names the source. Members of emergency or health staff are civilians like rescuers; \"two days of battle\" or \"of confrontations\" is a span like \"of clashes\"; \"as regime helicopters dropped barrel bombs\" names the side that struck; \"are killed\" is a passive verb like \"were killed\".",
    "A party named by its aircraft or strikes in the plural is named by one too (\"a Syrian warplane\", \"a coalition jet\"). Before the count, past a joint just before it (\"and another\", \"while\") of a clause with an outcome of its own, a place is that clause's when the count's clause names one (\"9 were killed in Hama and another 14 in neighbouring Idlib\"); after the count, past \"while\", a place is the next clause's when the count has one before it (\"killed 6 in Homs including a girl while shelling of Douma killed 30\": the girl in Homs). Whose members the people counted are is part of the subject, up to its relative clause (\"nine members of the X rebel group who were guarding the bakery were killed\"), and names the victims' side, no actor. \"Trapped 200 soldiers\" is trapped (not \"the besieged town\"). Who adds (\"adding that 19 were wounded\") is who said, and a party right after \"said\" whose clause goes on to act (\"said Russia and Syrian regime war planes carried out raids\") is what was said, not who said it. White Helmets, civil defence, medical, health and aid workers are civilians. The place of the count's own clause must follow it in that clause, named where it happened (not \"..., according to the Aleppo Media Center\", \"state television in Damascus reported\"); \"while\" opens another clause only when no -ing word follows it and an outcome comes after (not \"killed while shopping in the market\"); the victims' group stops at \"from\", \"against\" and an -ing word (\"members of a family hiding from Russian warplanes\": Russia acts). Stray control and zero-width characters between sentences (a bullet mangled into \"\\u{95}\\u{81}\") do not join them.",
    "The party of an event some time before the count's own, in a phrase that runs into its subject, is not its actor (\"just days after a deadly regime gas attack a man was killed\"; not \"two days after Russian airstrikes killed 20\", nor when the party acts again, \"its strikes killed\"). A list member's own passive verb may follow its own breakdown (\"and nine others including a child were wounded\": wounded). Those killed \"include\" the count however long their phrase (\"those killed in the three raids on Saraqib include 11 children\"); \"summarily\", \"publicly\", \"brutally\", \"mortally\" and \"instantly\" may stand before the outcome; \"the total number of members of the Turkish forces killed ... to 45\" counts them, and names their side as no actor; \"shells claim 7 civilians\" kills, and \"rebels claim 30 soldiers were killed\" names the rebels as the speaker.",
    "A title's trailing site name may follow a dash as well as a bar, and the sections before it go with it (\"Car bomb kills 34 in Hama - Region - World - Ahram Online\"): the title the text repeats is then found, not counted twice.",
    "\"By a Russian plane\" names the agent like \"by the\", and an attack's side stays named after \"by\" in another clause (\"19 civilians including five children were killed by a regime barrel bomb attack and rebel rocket fire\": the regime). A headline's present tense attacks (\"Syrian jets pound an IS offensive, killing 50\": the jets' side, not IS). People on board a party's aircraft, or killed when it was shot down or downed, are that party's: it is no actor. \"Shells claim 7 civilians\" kills only right after the weapons (not \"the army's claim 50 had died\"). An event days before with a clause of its own (\"days after a coalition strike that killed 30\") keeps its actor.",
    "A headline's own source after a dash stays in its title (\"... - monitor\", \"- state TV\"). Who escorted, kept a tally, published, evacuated or treated (\"escorted by a Russian military police unit\", \"a list published by a Turkish newspaper\") is no agent. A party's aircraft counts as lost only in the passive or a headline's participle (\"was shot down\", \"helicopter downed in Syria\"; not \"Turkish aircraft shot down a Russian bomber\", nor the agent, \"killed by a Syrian jet before it was shot down\"), and the people on board only as victims (not \"snipers aboard a Russian helicopter killed 5\"). \"Claim\" kills after weapons, attacks, clashes and battles (\"clashes claim 20 fighters\"). An event days before keeps its actor only when its own clause tells an outcome (\"a coalition strike that killed 56\"; not \"a Russian strike that hit a hospital\"); an hour, a day, a week, a month or years before all count. A headline's source after a dash stays only when it is a generic one (\"- state TV\"; \"- Press TV\" is a site). A counteroffensive names its side like an offensive (\"an Islamic State counteroffensive has left 40 soldiers dead\").",
    "Harm short of death is an injury: \"35 people suffered suffocation\", \"20 civilians were treated for asphyxiation\" (also burns, fractures, breathing difficulties). \"Have taken out seven field commanders\" kills people (not \"took out three tanks\"). A list member with a verb of its own past an aside (\"and 500 others, mostly children, have been affected\") takes no outcome from the list. \"The number of people killed in ... has risen to 21\" binds across a long phrase (32 words), and counts the people it names (\"the number of rebel fighters killed\": combatants). \"This morning\", \"this afternoon\" and \"this evening\" are the article's day; \"in late June 12 people\" has no day after a part of a month; \"on Monday-and scores\" is a dash without its spaces.",
    "A headline that names only the country (\"Regime air strikes kill 22 in Syria's rebel-held region\") takes the place of the lead with its count, as it takes its day; not a roundup's pair (\"in Aleppo and Damascus\"). A place after \"by\" is a government (\"denied by Brussels\"), not where it happened. A party that accuses or blames another (\"Russia has accused Belgium of killing six\") is not the actor. Past a relative clause with a verb of its own, the subject's passive outcome counts (\"86 members of government forces and its allies who include members of Hezbollah were killed\"); \"putting the number of civilians killed at 13\" counts civilians. \"The town of Khan Sheikhun in Idlib\": Idlib names the governorate, and the town is the place.",
    "Hundreds or more taken by a present perfect in a sentence naming no day at all (not even of speech) are a running toll, scope cumulative, when they are 300 or more or the sentence names a fight that runs over days (\"the battle in Latakia has killed some 300 fighters\", \"IS has executed around 367 people in the town\"; not \"the fighting has killed 40\", \"air strikes on a market have killed more than 100 people, a monitor said on Sunday\", nor one blast's toll); so are counts \"over the past few days\" or \"in past days\", like \"in recent days\". An undated incident claim takes the date of the last dated claim up to two sentences before it in its paragraph, or up to four when that date is a single day.",
    "Of fighters, \"destroyed\" before the count kills them too (\"have destroyed some 120 Daesh militants\"); beheadings, decapitation and martyrdom of N are killings (\"the beheadings of at least 18 men\", \"resulted in the martyrdom of 3 citizens\"). A party in the count's own \"including\" list is among the counted, not the actor (\"eliminated 75 militants including the suicide bombers\"). \"N people of a local armed group\", \"members of a militia\" are combatants; \"were believed to be civilians\" and \"were Syrian rebel fighters\" name the counted by the noun that ends the phrase.",
    "A party whose verb follows an auxiliary attacks as one whose verb follows it directly (\"a rebel group has launched a rocket attack ... leaving three killed\"); Islamists and Islamist groups are rebels. Counts \"on both sides\" have no one actor and are fighters (\"fighting that has left dozens dead on both sides\"). \"Six days of heavy bombing\" is many attacks, not one event. So are hundreds or more of a passive present perfect (\"hundreds of people have been killed in attacks\").",
    "A town, village, district or suburb the text names as one near the count (\"the village of Ghareebeh in Deir Ezzor province\") that the gazetteer does not know is the place when the place found is no finer than a city: named as written, inside that place, with its coordinates.",
    "People hospitalized are injured (\"over 10 citizens have been hospitalized\"). An outcome after the count's phrase is read past a short bracket or an aside with a count of its own (\"six other civilians including three children (5-8 years) were injured\"). Attackers and assailants are fighters.",
    "A count whose sentence speaks of \"the city\" by that word alone (\"in rebel fire on the government-held west of the city\", \"on the city's outskirts\") and names no place of its own is placed in the city the article's last place is in, not in that neighbourhood or village (a part of the city named for it, \"Eastern Aleppo\", stays). A party after the count's \"were\" that names who the dead were (\"how many of the six killed were civilians or IS militants\") is no actor.",
    "A capital's possessive that lost its apostrophe is its government (\"those of Damascuss ally Russia\"), even after a preposition. A place's name that holds a party's (\"regime-held western Aleppo\") is still a place. \"The Damascus suburb of Jaramana\" and \"the rebel-held east Aleppo district of Marjeh\" (a part of a city named for it) are placed at the name after \"of\" (not \"the Midan district of Damascus\"). A battle, offensive, siege, assault or bombardment weeks, months or years old (\"the two-week-old battle for Zabadani has cost the lives of 63\") has a running toll. \"Opposition forces\" and \"opposition factions\" are rebels. A side in the fighting before \"said\" yields to a source after it (\"defected to join the rebels said the Observatory\": the Observatory); whom someone joined is no actor, nor is who freed, released or rescued people.",
    "A toll's new figure right before another count, its comma lost, still counts (\"Death Toll ... Rises to 11 44 Injured\"). \"Claiming eight and injuring 14\" kills eight, the dead beside the wounded; \"claiming the life of one person\" is a killing like \"the lives of\". A name of capitalised words before \"neighbourhood\", \"district\" or \"village\" (\"in the Baeedeen neighbourhood\", \"Al-Jaberiyeh neighborhood was also targeted\", \"Aqareb es Safi village\"; not \"the Armenian district\", \"IS-held villages\") is a town the gazetteer lacks, and such a town the sentence names is the place even over a finer place from an earlier sentence, inside that place's city. Where attackers were \"positioned\" or \"stationed\" is not where it happened. A place before the count's own active verb yields to one as fine after the count in its clause (\"Army Retakes Qaryatain City in Homs Kills over 50 Terrorists in Hama\"; not \"the strike on Shairat airbase killed four children near Homs\"). A breakdown after the speaker keeps the count's outcome past the day of speech (\"a monitoring group said on Monday including at least 29 people in a single neighbourhood\").",
    "A place the count's clause opens on with \"where\" is where it happened (\"close to the town of Khan Sheikhoun where a chemical weapons attack killed nearly 90\"; not a landmark, \"al-Bureij northeast of Aleppo where\"). \"Two of the victims were minors\": what a part of the victims were names them. \"Staff members\" are staff (civilians), not members of a force. The International Federation of Red Cross and Red Crescent Societies (IFRC) is a source of its own.",
    "A claim dated over more than a month (\"has documented the killing of 5812 civilians ... over the past year\") is a running total, however its sentence tells it. A place after \"hours after\", \"a day after\" or \"weeks after\" is the earlier event's, not the count's (\"19 were killed near the capital just hours after a gas attack left dozens dead in Khan Sheikhun\"), unless that clause tells of the same people (\"two days after militants kidnapped them in Deir Ezzor\").",
    "\"As well as those killed, at least 160 people were injured\": \"those killed\" names other people, and the count's own passive verb tells its outcome. A count with no noun of its own shares the noun of the next verb's count (\"had killed 28 and wounded 30 Daesh militants\": 28 fighters; but not back: \"killed four civilians and wounded three others\" wounded people). A name before its abbreviation in brackets speaks (\"the Qatar Red Crescent Society (QRCS) said\").",
    "A war's toll in a relative clause opening \"in which\" or \"during which\" (\"the conflict in which hundreds of thousands ... have been killed\") is the country's, like one opening \"which\". A place a \"since\" measures against (\"its worst fighting since the battle for eastern Aleppo\") is not where it happened. A title's place is the one nearest its count (\"Airstrikes kill 4 in Syria's Idlib, destroy mosque in Hama\": Idlib).",
    "Rescue workers, aid workers, medics, paramedics, volunteers and nurses speak as sources like officials and doctors (\"according to a local rescue worker near the site\": the phrase ends before \"near\"); \", an aid worker said\" is a speaker, not one more victim.",
];

/// The extraction stage, with its gazetteer and party table loaded once.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    parties: PartyTable,
    /// Finds outcome cues in lowercase text, so that sentences without one are skipped.
    outcome_cues: aho_corasick::AhoCorasick,
    /// Finds words naming days ("tuesday", "yesterday") in lowercase text.
    day_words: aho_corasick::AhoCorasick,
    /// The words that name a kind of place (see `unknown_town`): a sentence
    /// without one names no town the gazetteer lacks.
    place_kind_words: aho_corasick::AhoCorasick,
}

impl Extractor {
    /// The extractor with the built-in gazetteer and party table.
    pub fn builtin() -> Result<Extractor, String> {
        Extractor::with_extra_data(&[], &[])
    }

    /// The built-in data extended by users' files: (name, contents) pairs.
    pub fn with_extra_data(
        extra_gazetteers: &[(&str, &str)],
        extra_parties: &[(&str, &str)],
    ) -> Result<Extractor, String> {
        let mut g = vec![("gazetteer.tsv (built in)", gazetteer::BUILTIN_GAZETTEER)];
        g.extend_from_slice(extra_gazetteers);
        let mut p = vec![("parties.tsv (built in)", parties::BUILTIN_PARTIES)];
        p.extend_from_slice(extra_parties);
        Ok(Extractor {
            gazetteer: Gazetteer::from_sources(&g)?,
            parties: PartyTable::from_sources(&p)?,
            outcome_cues: aho_corasick::AhoCorasickBuilder::new()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(lexicon::OUTCOME_STEMS)
                .map_err(|e| e.to_string())?,
            day_words: aho_corasick::AhoCorasick::new(lexicon::WEEKDAYS.iter().chain(DAY_WORDS))
                .map_err(|e| e.to_string())?,
            place_kind_words: aho_corasick::AhoCorasick::new(PLACE_KIND_WORDS)
                .map_err(|e| e.to_string())?,
        })
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    pub fn parties(&self) -> &PartyTable {
        &self.parties
    }

    /// Every casualty claim of one article. Never fails; a skipped article has none.
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut out = Extraction::default();
        if article.status == ArticleStatus::Skipped {
            return out;
        }
        let read_title = title_not_in_text(article);
        let event_day = OnceCell::new();
        let body = TextPart {
            text: &article.text,
            furniture: &article.furniture,
            in_title: false,
        };
        self.claims_of_text(article, &body, &event_day, read_title, &mut out);
        if read_title && out.claims.len() < MAX_CLAIMS_PER_ARTICLE {
            // A headline the text does not repeat holds claims of its own; they
            // come after the text's, so that the text's claim ids never change.
            let title = TextPart {
                text: &article.title,
                furniture: &[],
                in_title: true,
            };
            let mut headline = Extraction::default();
            self.claims_of_text(article, &title, &event_day, false, &mut headline);
            headline
                .claims
                .truncate(MAX_CLAIMS_PER_ARTICLE - out.claims.len());
            out.problems.append(&mut headline.problems);
            // A headline that names no place is about what the text tells first.
            let lead_place = out
                .claims
                .iter()
                .find(|c| c.place.is_some())
                .map(|c| (c.place.clone(), c.place_text.clone()));
            let first = out.claims.len();
            for (n, mut claim) in headline.claims.into_iter().enumerate() {
                claim.id = format!("{}#{}", article.id, first + n + 1);
                if claim.place.is_none()
                    && let Some((place, text)) = &lead_place
                {
                    claim.place = place.clone();
                    claim.place_text = text.clone();
                }
                out.claims.push(claim);
            }
        }
        headline_fields_from_lead(article, &mut out.claims);
        out
    }

    /// The claims of one part of an article (its text, or a title the text does
    /// not repeat), appended to `out`. `event_day` is the article's first event
    /// day, found on first need (or at the end, with `resolve_event_day`) from the
    /// part that first asks.
    fn claims_of_text(
        &self,
        article: &Article,
        part: &TextPart<'_>,
        event_day: &OnceCell<Option<Date>>,
        resolve_event_day: bool,
        out: &mut Extraction,
    ) {
        let text = part.text;
        let lower = text.to_ascii_lowercase();
        let is_furniture = |span: Span| ingest::is_furniture_in(part.furniture, span);
        // A dateline inside a sentence is a headline run into its lead:
        // two sentences, each with its own claims, claimants and dates.
        let mut cuts: Vec<Span> = part
            .furniture
            .iter()
            .filter(|f| matches!(f.kind, FurnitureKind::Navigation | FurnitureKind::Byline))
            .map(|f| f.span)
            .collect();
        // Likewise the title repeated at the top, run into the lead without a stop:
        // "... Kills 3 Wounds 20 Militants of the so-called ...".
        let title_lower = article.title.trim().to_ascii_lowercase();
        if !part.in_title
            && let Some(end) = repeated_title_end(text, &lower, &title_lower)
            && !cuts.iter().any(|c| c.start <= end && end <= c.end)
            && !self.name_spans(text, end)
        {
            let at = cuts.partition_point(|c| c.start < end);
            cuts.insert(at, Span::new(end, end));
        }
        let sentences = sentences::cut_sentences(text, sentences::split_sentences(text), &cuts);
        let scan = ArticleScan {
            text,
            folded: OnceCell::new(),
            lower: &lower,
            article_date: article.date,
            paragraphs: paragraph_starts(text),
            furniture: &is_furniture,
            gazetteer: &self.gazetteer,
            parties: &self.parties,
            place_cache: vec![OnceCell::new(); sentences.len()],
            party_cache: vec![OnceCell::new(); sentences.len()],
            actor_cache: vec![OnceCell::new(); sentences.len()],
            speaker_cache: vec![OnceCell::new(); sentences.len()],
            sentence_place_cache: vec![OnceCell::new(); sentences.len()],
            event_days_cache: vec![OnceCell::new(); sentences.len()],
            sentences,
        };
        let title_mentions: Vec<PlaceMention> = self
            .gazetteer
            .find(&article.title)
            .into_iter()
            .filter(|m| !is_aside_place(&article.title, m.span))
            .filter(|m| !names_government(&self.gazetteer, &article.title, m))
            .collect();
        // ("Airstrikes kill 4 in Syria's Idlib, destroy mosque in Hama": the
        // place by the title's count.)
        let title_count = first_count_at(&article.title);
        let title_place = self.best_place(&article.title, &title_mentions, title_count);
        // The country the article's places are most often in, for a war's
        // toll: on first need.
        let article_country: OnceCell<Option<Place>> = OnceCell::new();

        let mut tokens: Vec<Token> = Vec::new();
        // (sentence number, claimant) of the last named claimant of a claim.
        let mut last_claimant: Option<(usize, Party)> = None;
        // (sentence number, date) and (sentence number, actor) of the last claim with one.
        let mut last_dated: Option<(usize, (Date, Date))> = None;
        let mut last_actor: Option<(usize, Party)> = None;
        let mut army_trail = ArmyTrail::default();
        let mut seen_sentences: HashSet<&str> = HashSet::new();
        // The day of each exact count of an event claim told so far, by (measure,
        // count): a later sentence repeating one on that day ("five people were
        // killed in the attack", quoting the lead) retells that event.
        let mut told_counts: HashMap<(Measure, u64), Option<(Date, Date)>> = HashMap::new();

        let cues: Vec<usize> = self
            .outcome_cues
            .find_iter(&lower)
            .map(|m| m.start())
            .collect();
        // A date that ends on (or a day from) the article's day.
        let up_to_now = |end: Date| {
            article
                .date
                .is_some_and(|d| (d - end).get_days().abs() <= 1)
        };
        // Where the article names a kind of place, found on first need.
        let kind_words: OnceCell<Vec<usize>> = OnceCell::new();
        let names_a_kind_of_place = |span: Span| {
            let starts = kind_words.get_or_init(|| {
                self.place_kind_words
                    .find_iter(&lower)
                    .map(|m| m.start())
                    .collect()
            });
            let i = starts.partition_point(|&p| p < span.start);
            starts.get(i).is_some_and(|&p| p < span.end)
        };
        for (no, &span) in scan.sentences.iter().enumerate() {
            if out.claims.len() >= MAX_CLAIMS_PER_ARTICLE {
                out.problems.push(ledger_types::Problem {
                    kind: "too_many_claims".into(),
                    message: format!(
                        "more than {MAX_CLAIMS_PER_ARTICLE} claims: the text from byte {} on was not read for claims (is this a data table rather than an article?)",
                        span.start
                    ),
                });
                break;
            }
            // No outcome cue, no claim: most sentences end here, untokenized.
            let first_cue = cues.partition_point(|&c| c < span.start);
            if cues.get(first_cue).is_none_or(|&c| c >= span.end) {
                continue;
            }
            let sentence = &text[span.start..span.end];
            // A sentence printed twice (a subtitle repeating the lead) is one assertion.
            if !seen_sentences.insert(sentence) || is_furniture(span) {
                continue;
            }
            tokenize(&lower, span, &mut tokens);
            let words = Words {
                lower: &lower,
                tokens: &tokens,
            };
            // Most sentences hold no count at all: skip them before any real work.
            if !claims::may_hold_claims(&words) {
                continue;
            }
            let parties_here = self.parties_in(scan.parties_of(no), &words);
            let input = scan.input(words, &parties_here);
            let found = sentence_claims(&input);
            if found.is_empty() {
                continue;
            }
            let paragraph = scan.paragraph_of(no);
            let places_here = scan.places_of(no);
            let earlier_sentence = OnceCell::new();
            // A headline, subtitle or lead is about what the article goes on to
            // tell: it may take its place from the sentences after it.
            let before = text[..span.start].trim_end_matches([' ', '\t', '\r']);
            let own_line = (before.is_empty() || before.ends_with('\n'))
                && text[span.end..]
                    .trim_start_matches([' ', '\t', '\r'])
                    .starts_with('\n');
            let is_headline = (own_line && span.len() < 150) || span.start < 400;
            // "Jihadists execute three rebel officers - monitor - AFP": a headline
            // ending with its source names the claimant of what it counts. A
            // headline has no full stop; a lead that ends with a name has one.
            let unstopped = !sentence.trim_end().ends_with(['.', '!', '?']);
            let is_the_title =
                || title_lower.len() >= 20 && lower[span.start..span.end].contains(&title_lower);
            let headline_source = (is_headline && (unstopped || is_the_title()))
                .then(|| headline_source(&words, &parties_here))
                .flatten();
            let refers_back = claims::refers_to_earlier_attack(&words);
            // "across Syria", "elsewhere in the country": a count over the whole
            // country, not at the town the article was speaking of.
            let country_wide = (0..words.len()).any(|i| {
                matches!(
                    words.get(i),
                    "across" | "throughout" | "nationwide" | "elsewhere"
                ) || (words.get(i) == "rest" && words.get(i + 1) == "of")
                    || (words.get(i) == "all" && words.get(i + 1) == "over")
            });
            // "rockets fired at the capital", "the Iraqi capital": a capital,
            // of the country the article speaks of unless named (not "the
            // capital of Raqqa province"). `Some(None)`: the context's country.
            // ("northeast of the capital", "near the capital": a landmark, the
            // town near it is the place.) Its token, whether it is the target
            // of an attack ("hit the capital") or where things happened ("in
            // the capital"), and the country named.
            let capital_mentions: Vec<(usize, bool, Option<&str>)> = (2..words.len())
                .filter_map(|i| {
                    if words.get(i) != "capital" || matches!(words.get(i + 1), "of" | "-") {
                        return None;
                    }
                    let country = country_of_demonym(words.get(i - 1));
                    let the = if country.is_some() { i - 2 } else { i - 1 };
                    let verb = words.get(the.checked_sub(1)?);
                    let target = matches!(verb, "at" | "on" | "struck" | "hit" | "rocked");
                    let inside = matches!(verb, "in" | "inside" | "across");
                    (words.get(the) == "the" && (target || inside)).then_some((i, target, country))
                })
                .collect();
            let speaks_of_war = (0..words.len()).any(|i| {
                matches!(
                    words.get(i),
                    "war" | "conflict" | "crisis" | "uprising" | "revolution" | "fighting"
                )
            });
            for mut sc in found {
                // ("has documented the killing of 5812 civilians ... over the
                // past year": a toll dated to more than a month up to the
                // article's day is a running total, however its sentence
                // tells it; not "in 2015 a bombing killed 50", one event.)
                if sc.scope == Scope::Incident
                    && sc.date.is_some_and(|(start, end)| {
                        (end - start).get_days() > MAX_EVENT_DAYS && up_to_now(end)
                    })
                {
                    sc.scope = Scope::Cumulative;
                }
                let mut date = sc.date;
                if date.is_none() && !sc.date_unresolved && sc.scope == Scope::Incident {
                    date = scan.earlier_event_date(no, paragraph, last_dated);
                    // A report that tells its events by day ("on Thursday night the
                    // navy launched ...") is about those days: an undated event claim
                    // takes the first. One that never names a day is not dated news.
                    if date.is_none() {
                        date = event_day
                            .get_or_init(|| scan.article_event_day(&self.day_words))
                            .map(|d| (d, d));
                    }
                }
                if sc.scope == Scope::Incident
                    && !sc.date_is_earlier_event
                    && let Some(d) = date
                {
                    last_dated = Some((no, d));
                }
                // A running toll takes no place from another paragraph: it is
                // rarely about the town the article speaks of before or after
                // (people still trapped or displaced are where it spoke of).
                let toll = sc.scope == Scope::Cumulative
                    && matches!(
                        sc.measure,
                        Measure::Killed | Measure::Injured | Measure::Casualties
                    );
                // A war's toll, and the millions it drove from their homes,
                // are the country's.
                let war_displaced = sc.scope == Scope::Cumulative
                    && sc.measure == Measure::Displaced
                    && sc
                        .count_min
                        .or(sc.count_max)
                        .is_some_and(|c| c >= 1_000_000);
                // ("It has cost the lives of more than 200000 people": a toll
                // that large is a war's, whatever the sentence calls it.)
                let war_toll = sc.scope == Scope::Cumulative
                    && sc.measure == Measure::Killed
                    && sc.count_min.or(sc.count_max).is_some_and(|c| c >= 100_000);
                let war_scope = (speaks_of_war && toll) || war_displaced || war_toll;
                let in_paragraph = |k: usize| !toll || scan.paragraph_of(k) == paragraph;
                // An earlier sentence that dates what it tells to another day
                // ("a response to the chemical attack in Idlib on Tuesday")
                // names that other event's place: an incident claim that carries
                // the story's day on looks further back. One dated in its own
                // sentence may tell of an earlier event at the same place ("a
                // similar bombing in the same square on July 25"), and one that
                // speaks of "the attack" most often means the one just named.
                let exact_count = sc.count_min.filter(|&c| c >= 2 && sc.count_max == Some(c));
                // A claim repeating a count the article told before on its day
                // speaks of "the attack" that count was told of, not of the last
                // one named.
                let retold = exact_count
                    .and_then(|c| told_counts.get(&(sc.measure, c)))
                    .is_some_and(|d| *d == date);
                let own_days = date.filter(|_| {
                    sc.scope == Scope::Incident && sc.date.is_none() && (!refers_back || retold)
                });
                let other_day = |k: usize| own_days.is_some_and(|d| scan.dated_elsewhere(k, d));
                let context_place = || {
                    let earlier = match own_days {
                        None => *earlier_sentence
                            .get_or_init(|| self.earlier_place_sentence(&scan, no, |_| false)),
                        Some(_) => self.earlier_place_sentence(&scan, no, other_day),
                    };
                    earlier
                        .filter(|&k| in_paragraph(k))
                        .and_then(|k| self.sentence_place(&scan, k).clone())
                        .or_else(|| {
                            // A headline on a line of its own is told in the
                            // paragraphs after it (a subtitle may come first); one
                            // run into its lead is told in its own paragraph.
                            let story = |k: usize| {
                                in_paragraph(k) && (own_line || scan.paragraph_of(k) == paragraph)
                            };
                            let later = |finer: &dyn Fn(&Place) -> bool| {
                                is_headline
                                    .then(|| self.later_place(&scan, no, story, finer))
                                    .flatten()
                            };
                            match &title_place {
                                // A title naming only a country ("... at the
                                // Syria-Turkey border") yields to a finer place the
                                // lead goes on to name.
                                Some((t, _)) if t.precision == ledger_types::Precision::Country => {
                                    later(&|p| p.precision != ledger_types::Precision::Country)
                                        .or_else(|| title_place.clone())
                                }
                                Some(_) => title_place.clone(),
                                None => later(&|_| true),
                            }
                        })
                };
                // The capital is this claim's place when it was attacked near
                // the count ("rockets hit the capital, killing 4"), or the count
                // happened in it ("4 were killed in the capital", "In the
                // capital, a bomb killed 4", "a bomb exploded in the capital,
                // killing 4"); not "officials in the capital said", "talks in
                // the capital stalled as airstrikes killed 12".
                let the_capital = capital_mentions
                    .iter()
                    .find(|&&(i, target, _)| {
                        let after = i > sc.token && i - sc.token <= 8;
                        let before = i < sc.token && sc.token - i <= 12;
                        // ("In the capital, officials said": a speaker's place.)
                        // (Not past a comma or a count: "12 were killed in
                        // the capital, police said".)
                        let speaker = (i + 1..i + 5)
                            .take_while(|&k| {
                                words.get(k) != "," && words.kind(k) != Some(TokenKind::Number)
                            })
                            .any(|k| {
                                lexicon::is_saying_verb(words.get(k))
                                    || matches!(words.get(k), "accused" | "blamed" | "denied")
                            });
                        // ("In the capital, ...": the sentence opens with it.)
                        let fronted = i <= 3 && words.get(0) == "in";
                        // ("exploded in the capital on Monday, killing 12": the
                        // participle of the clause the capital is in; not
                        // "protests erupted in the capital after forces were
                        // accused of killing 12".)
                        let participle = (i + 1..sc.token)
                            .find(|&k| {
                                let x = words.get(k);
                                x.ends_with("ing") && lexicon::outcome_before(x).is_some()
                            })
                            .is_some_and(|p| {
                                (i + 1..p).all(|k| {
                                    !matches!(
                                        words.get(k),
                                        "after"
                                            | "of"
                                            | "as"
                                            | "for"
                                            | "when"
                                            | "while"
                                            | "because"
                                            | "accused"
                                            | "blamed"
                                    )
                                })
                            });
                        !speaker && (after || (before && (target || fronted || participle)))
                    })
                    .map(|&(_, _, country)| country);
                // "Aleppo has seen the worst fighting of the civil war, which
                // has killed 300000": the toll hangs on the war, not on the
                // places named before it.
                // (A war's own toll, in the tens of thousands: not "a conflict
                // that has killed 400 people there since January".)
                let war_sized = sc.count_min.or(sc.count_max).is_some_and(|c| c >= 10_000);
                let war_clause_start = (war_scope && war_sized)
                    .then(|| war_relative_clause(&words, sc.token))
                    .flatten()
                    .and_then(|k| tokens.get(k))
                    .map(|t| t.span.start);
                let places_in_clause: Vec<PlaceMention>;
                let places_for_count = match war_clause_start {
                    Some(start) => {
                        places_in_clause = places_here
                            .iter()
                            .filter(|m| m.span.start > start)
                            .copied()
                            .collect();
                        &places_in_clause[..]
                    }
                    None => places_here,
                };
                let own_place =
                    self.best_place_or_landmark(text, places_for_count, Some(sc.count_span.start));
                let placed_here = own_place.is_some();
                let roundup = own_place.as_ref().and_then(|(p, _, _)| {
                    self.roundup_place(text, places_here, sc.count_span.start, &p.name)
                });
                let place = match own_place {
                    // One count over towns far apart ("seven killed in attacks in
                    // Aleppo and Sweida") sums several events: it is placed in
                    // their country, not in one of them or the lead's town.
                    _ if roundup.is_some() => roundup,
                    // "a town northeast of the Syrian capital": the capital only says
                    // where to look; a place nearby that the article named before
                    // is where it happened.
                    Some(p) if p.2 => Some(
                        context_place()
                            .filter(|c| {
                                c.0.precision > p.0.precision
                                    && approx_km((c.0.lat, c.0.lon), (p.0.lat, p.0.lon)) <= 100.0
                            })
                            .unwrap_or((p.0, p.1)),
                    ),
                    // "a bombing at a Syria-Turkey border crossing": a country
                    // alone does not tell one event from another; a place in it
                    // the article names around it does.
                    Some(p)
                        if p.0.precision == ledger_types::Precision::Country
                            && sc.scope == Scope::Incident
                            && !country_wide =>
                    {
                        Some(
                            context_place()
                                .filter(|c| {
                                    c.0.country == p.0.country && c.0.precision > p.0.precision
                                })
                                .unwrap_or((p.0, p.1)),
                        )
                    }
                    Some(p) => Some((p.0, p.1)),
                    None if the_capital.is_some() => {
                        let context = context_place();
                        let country = the_capital
                            .flatten()
                            .or(context.as_ref().map(|(p, _)| p.country.as_str()));
                        match (country.and_then(|c| self.gazetteer.capital_of(c)), context) {
                            // The article spoke of a place in that capital: that place.
                            (Some(capital), Some(c))
                                if c.0.name == capital.name
                                    || c.0.parents.contains(&capital.name) =>
                            {
                                Some(c)
                            }
                            (Some(capital), _) => Some((capital.clone(), capital.name.clone())),
                            (None, context) => context,
                        }
                    }
                    // A war's running toll is about the country, not the town the
                    // article was just speaking of: the one the sentence names
                    // the war of ("the Syrian civil war"), else the one the
                    // article's places are mostly in (not that of talks in
                    // Astana the sentence before).
                    None if war_scope => war_country(&words)
                        .and_then(|c| self.gazetteer.by_name(c))
                        .or_else(|| {
                            article_country
                                .get_or_init(|| self.article_country(&scan, &title_mentions))
                                .as_ref()
                        })
                        .map(|country| (country.clone(), country.name.clone())),
                    // "killed in rebel fire on the government-held west of
                    // the city": the city the article's last place is in,
                    // not that neighbourhood, which may be another attack's.
                    None if speaks_of_the_city(&words) => {
                        context_place().map(|c| self.city_around(c))
                    }
                    None => context_place(),
                };
                // "the village of Ghareebeh in Deir Ezzor province": a town the
                // gazetteer does not know, named as one near the count, is where
                // it happened, inside the coarser place found for it.
                // ("Another 14 were killed in the Baeedeen neighbourhood": over
                // a finer place from another sentence too, inside its city.)
                let place = match place {
                    Some((p, t))
                        if (precision_rank(p.precision) < 3 || !placed_here)
                            && names_a_kind_of_place(span) =>
                    {
                        match unknown_town(text, span, sc.count_span.start, places_here) {
                            Some(name) if placed_here => Some((town_inside(&p, &name), name)),
                            Some(name) => {
                                let (around, _) = self.city_around((p, t));
                                Some((town_inside(&around, &name), name))
                            }
                            None => Some((p, t)),
                        }
                    }
                    other => other,
                };
                if let Some(c) = exact_count
                    && sc.scope == Scope::Incident
                {
                    told_counts.insert((sc.measure, c), date);
                }
                let (place, place_text) = match place {
                    Some((p, t)) => (Some(p), Some(t)),
                    None => (None, None),
                };
                let claimant = match sc.claimant {
                    Some(ClaimantRef::Named(p)) => {
                        last_claimant = Some((no, p.clone()));
                        Some(p)
                    }
                    Some(ClaimantRef::Pronoun) => {
                        self.claimant_before(&scan, no, &last_claimant, false)
                    }
                    Some(ClaimantRef::Person) => {
                        self.claimant_before(&scan, no, &last_claimant, true)
                    }
                    None => headline_source.clone(),
                };
                let mut actor = sc.actor;
                let actor_name = actor.as_ref().map(|a| a.name.as_str());
                if matches!(
                    actor_name,
                    Some(claims::UNNAMED_ARMY | claims::UNNAMED_SECURITY_FORCES)
                ) {
                    actor = self.army_of_context(
                        &scan,
                        &mut army_trail,
                        &article.title,
                        (no, sc.count_span.start),
                        place.as_ref(),
                        actor_name == Some(claims::UNNAMED_SECURITY_FORCES),
                    );
                }
                if actor.is_none() && refers_back {
                    actor = self.earlier_actor(&scan, no, paragraph, &last_actor);
                }
                if let Some(a) = &actor {
                    last_actor = Some((no, a.clone()));
                }
                out.claims.push(Claim {
                    id: format!("{}#{}", article.id, out.claims.len() + 1),
                    article: article.id.clone(),
                    sentence: sentence.to_string(),
                    in_title: part.in_title,
                    sentence_span: span,
                    count_span: sc.count_span,
                    count_min: sc.count_min,
                    count_max: sc.count_max,
                    qualifier: sc.qualifier,
                    measure: sc.measure,
                    victims: sc.victims,
                    place,
                    place_text,
                    date_start: date.map(|d| d.0),
                    date_end: date.map(|d| d.1),
                    scope: sc.scope,
                    actor,
                    claimant,
                    stance: sc.stance,
                    incident: None,
                });
            }
        }
        if resolve_event_day {
            event_day.get_or_init(|| scan.article_event_day(&self.day_words));
        }
    }

    /// Does a party's or place's name run across byte `at` of `text` (a title cut
    /// there would split "Syrian state | TV")?
    fn name_spans(&self, text: &str, at: usize) -> bool {
        let from = floor_boundary(text, at.saturating_sub(40));
        let to = floor_boundary(text, at + 40);
        let window = &text[from..to];
        let inside = |s: Span| from + s.start < at && at < from + s.end;
        self.parties.find(window).iter().any(|m| inside(m.span))
            || self.gazetteer.find(window).iter().any(|m| inside(m.span))
    }

    /// The country most of the article's places (title included) are in; the
    /// first named of those tied.
    fn article_country(
        &self,
        scan: &ArticleScan<'_>,
        title_mentions: &[PlaceMention],
    ) -> Option<Place> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mentions = title_mentions
            .iter()
            .chain((0..scan.sentences.len()).flat_map(|k| scan.places_of(k)));
        for m in mentions {
            let Some(place) = self.gazetteer.place(m.place) else {
                continue;
            };
            match counts.iter_mut().find(|(c, _)| *c == place.country) {
                Some((_, n)) => *n += 1,
                None => counts.push((&place.country, 1)),
            }
        }
        // (max_by_key keeps the last of equals: reversed, the first named.)
        let (country, _) = counts.iter().rev().max_by_key(|(_, n)| *n)?;
        self.gazetteer.by_name(country).cloned()
    }

    /// The best place sentence `k` names, as context for the sentences around it.
    fn sentence_place<'s>(&self, scan: &'s ArticleScan<'_>, k: usize) -> &'s Option<NamedPlace> {
        static NONE: Option<NamedPlace> = None;
        match scan.sentence_place_cache.get(k) {
            Some(cell) => cell.get_or_init(|| self.best_place(scan.text, scan.places_of(k), None)),
            None => &NONE,
        }
    }

    /// For a sentence naming no place, the earlier sentence (six back at most) to
    /// take one from: the nearest naming one, unless it names only a country ("the
    /// second largest airbase in Syria") and one before it names a place in that
    /// country.
    fn earlier_place_sentence(
        &self,
        scan: &ArticleScan<'_>,
        no: usize,
        skip: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut country_only: Option<(usize, String)> = None;
        for k in (no.saturating_sub(6)..no).rev() {
            let Some((place, _)) = self.sentence_place(scan, k) else {
                continue;
            };
            if skip(k) {
                continue;
            }
            match &country_only {
                None if place.precision == ledger_types::Precision::Country => {
                    country_only = Some((k, place.country.clone()));
                }
                None => return Some(k),
                Some((_, country)) if place.precision != ledger_types::Precision::Country => {
                    return Some(k)
                        .filter(|_| place.country == *country)
                        .or(country_only.map(|c| c.0));
                }
                Some(_) => {}
            }
        }
        country_only.map(|(k, _)| k)
    }

    /// For a headline or lead naming no place: the next sentences often do (the
    /// first of them naming a place `wanted` accepts).
    fn later_place(
        &self,
        scan: &ArticleScan<'_>,
        no: usize,
        allowed: impl Fn(usize) -> bool,
        wanted: &dyn Fn(&Place) -> bool,
    ) -> Option<NamedPlace> {
        ((no + 1)..(no + 4).min(scan.sentences.len()))
            .take_while(|&k| allowed(k))
            .find_map(|k| {
                self.sentence_place(scan, k)
                    .clone()
                    .filter(|p| wanted(&p.0))
            })
    }

    /// "it said": the claimant named last before this sentence, in a claim or in
    /// any sentence naming a monitor, agency or state medium. "he said"
    /// (`person`): also a speaker the party table does not list, whom a
    /// sentence since names ("An official at the governor's office said").
    fn claimant_before(
        &self,
        scan: &ArticleScan<'_>,
        no: usize,
        last_claimant: &Option<(usize, Party)>,
        person: bool,
    ) -> Option<Party> {
        // Sentences after the last claim's own claimant, nearest first.
        let since = last_claimant.as_ref().map_or(0, |(n, _)| *n);
        let mut tokens = Vec::new();
        let mentioned = (since.max(no.saturating_sub(8))..no).rev().find_map(|k| {
            let speaker = scan
                .speaker_cache
                .get(k)?
                .get_or_init(|| self.read_sentence(scan, k, &mut tokens, claims::sentence_speaker));
            if let Some((p, true)) = speaker {
                return Some(p.clone());
            }
            // "it said" is a listed source, "he said" may be anyone named.
            let speaker = speaker.as_ref().filter(|_| person);
            let source = scan.parties_of(k).iter().rev().find_map(|m| {
                let p = self.parties.party(m.party)?;
                matches!(
                    p.kind,
                    PartyKind::Monitor | PartyKind::International | PartyKind::StateMedia
                )
                .then(|| p.clone())
            });
            source.or_else(|| speaker.map(|(p, _)| p.clone()))
        });
        mentioned.or_else(|| last_claimant.as_ref().map(|(_, c)| c.clone()))
    }

    /// Reads sentence `k` of the article (other than the one being
    /// extracted) with `read`, tokenized into `tokens` with its parties.
    fn read_sentence<T>(
        &self,
        scan: &ArticleScan<'_>,
        k: usize,
        tokens: &mut Vec<Token>,
        read: impl FnOnce(&claims::SentenceInput<'_>) -> T,
    ) -> T {
        let span = scan.sentences.get(k).copied().unwrap_or(Span::new(0, 0));
        tokenize(scan.lower, span, tokens);
        let words = Words {
            lower: scan.lower,
            tokens,
        };
        let parties = self.parties_in(scan.parties_of(k), &words);
        read(&scan.input(words, &parties))
    }

    /// The actor of the attack an earlier sentence (two at most, same paragraph) names.
    fn earlier_actor(
        &self,
        scan: &ArticleScan<'_>,
        no: usize,
        paragraph: usize,
        last_actor: &Option<(usize, Party)>,
    ) -> Option<Party> {
        let mut tokens = Vec::new();
        for k in (no.saturating_sub(2)..no).rev() {
            // The paragraph before may still tell of the attack this one recalls.
            if scan.paragraph_of(k) + 1 < paragraph {
                break;
            }
            if let Some((n, a)) = last_actor
                && *n == k
            {
                return Some(a.clone());
            }
            // Each earlier sentence is read for its actor once, however many
            // claims after it ask.
            let actor = scan
                .actor_cache
                .get(k)?
                .get_or_init(|| self.read_sentence(scan, k, &mut tokens, claims::sentence_actor));
            if actor.is_some() {
                return actor.clone();
            }
        }
        None
    }

    /// The army an unnamed "army units" or "troops" of sentence `no` means
    /// (its count at `count_at`): the state army the text last named before
    /// the count ("the Syrian army ... army units"), else one its sentence
    /// names after the count ("..., the Turkish army said"), else the one its
    /// title names, else the army of the country the claim happened in. A
    /// state named otherwise ("Russia said") is no army. A state's security
    /// forces (`at_home`) are the country's where the claim happened, before
    /// an army named in earlier sentences.
    fn army_of_context(
        &self,
        scan: &ArticleScan<'_>,
        trail: &mut ArmyTrail,
        title: &str,
        (no, count_at): (usize, usize),
        place: Option<&Place>,
        at_home: bool,
    ) -> Option<Party> {
        let here = scan.parties_of(no);
        let of_place = || self.parties.army_of_country(&place?.country).cloned();
        here.iter()
            .rev()
            .filter(|m| m.span.end <= count_at)
            .find_map(|m| self.army_named(scan.text, m))
            .or_else(|| at_home.then(of_place).flatten())
            .or_else(|| {
                // Earlier sentences are read once per article, however many
                // claims ask.
                while trail.read < no {
                    let k = trail.read;
                    if let Some(p) = scan
                        .parties_of(k)
                        .iter()
                        .rev()
                        .find_map(|m| self.army_named(scan.text, m))
                    {
                        trail.last = Some(p);
                    }
                    trail.read += 1;
                }
                trail.last.clone()
            })
            // "army units killed 12, the Turkish army said": the army that
            // speaks after the count, when none was named before it.
            .or_else(|| {
                here.iter()
                    .filter(|m| m.span.end > count_at)
                    .find_map(|m| self.army_named(scan.text, m))
            })
            .or_else(|| {
                self.parties
                    .find(title)
                    .iter()
                    .find_map(|m| self.army_named(title, m))
            })
            .or_else(of_place)
    }

    /// The party of mention `m` when it names a state's army: an army word
    /// in the name or in the two words after it ("Turkish troops", "US
    /// special forces").
    fn army_named(&self, text: &str, m: &PartyMention) -> Option<Party> {
        if !self.parties.is_state_army(m.party) {
            return None;
        }
        let rest = text.get(m.span.end..)?;
        // "Turkish-backed troops" are not Turkey's.
        if rest.starts_with('-') {
            return None;
        }
        let is_word = |c: char| c.is_alphanumeric() || c == '-';
        let name = text.get(m.span.start..m.span.end)?.split(|c| !is_word(c));
        // Within the clause: not "backed by Russian jets, army units".
        let clause = rest.split([',', '.', ';', ':']).next().unwrap_or("");
        let after = clause
            .split(|c| !is_word(c))
            .filter(|w| !w.is_empty())
            .take(2);
        name.chain(after)
            .any(|w| {
                let w = w.to_ascii_lowercase();
                lexicon::is_army_noun(&w) || w == "forces"
            })
            .then(|| self.parties.party(m.party).cloned())
            .flatten()
    }

    /// A sentence's party mentions as token ranges of its tokens.
    fn parties_in(&self, mentions: &[PartyMention], w: &Words<'_>) -> Vec<PartyInSentence> {
        let tokens = w.tokens;
        let mut out: Vec<PartyInSentence> = Vec::with_capacity(mentions.len());
        for m in mentions {
            let first = tokens.partition_point(|t| t.span.start < m.span.start);
            let mut end = tokens.partition_point(|t| t.span.end <= m.span.end);
            // "Daesh's fighters": the possessive's token is the party's.
            if let Some(t) = tokens.get(end)
                && t.span.start < m.span.end
                && matches!(w.lower.get(m.span.end..t.span.end), Some("'s" | "’s" | "'"))
            {
                end += 1;
                // "Russia's military", "ISIL's security forces": one mention
                // of the party, like "the Russian military".
                if w.matches(end, claims::SECURITY_FORCES) {
                    end += 2;
                } else if lexicon::is_army_noun(w.get(end)) || w.get(end) == "forces" {
                    end += 1;
                }
            }
            let Some(party) = self.parties.party(m.party) else {
                continue;
            };
            if first >= end {
                continue;
            }
            // "the Jaysh al-Islam terrorist group": a generic name right after a
            // group's name describes it; the two are one mention of the group.
            if let Some(last) = out.last_mut()
                && last.end == first
                && last.party.kind == PartyKind::Belligerent
                && !claims::is_generic_party(&last.party.name)
                && claims::is_generic_party(&party.name)
            {
                last.end = end;
                continue;
            }
            out.push(PartyInSentence {
                first,
                end,
                party: party.clone(),
            });
        }
        out
    }

    /// The city a neighbourhood or village (`place`, with its spelling) is
    /// in, by its gazetteer parent; any other place as it is, and so is a
    /// part of the city named for it ("Eastern Aleppo": "the besieged parts
    /// of the city").
    fn city_around(&self, place: (Place, String)) -> (Place, String) {
        if precision_rank(place.0.precision) < 3 {
            return place;
        }
        match place
            .0
            .parents
            .first()
            .and_then(|parent| self.gazetteer.by_name(parent))
            .filter(|city| {
                city.precision == ledger_types::Precision::City && !is_named_for_its_city(&place.0)
            }) {
            Some(city) => (city.clone(), city.name.clone()),
            None => place,
        }
    }

    /// The most specific place among mentions in `text`, with its spelling there;
    /// ties go to the mention nearest `near`.
    fn best_place(
        &self,
        text: &str,
        mentions: &[PlaceMention],
        near: Option<usize>,
    ) -> Option<NamedPlace> {
        self.best_place_or_landmark(text, mentions, near)
            .map(|(p, t, _)| (p, t))
    }

    /// [`best_place`](Self::best_place), and whether it is only a landmark
    /// ("northeast of Damascus", "20 km from Aleppo") rather than where it happened.
    fn best_place_or_landmark(
        &self,
        text: &str,
        mentions: &[PlaceMention],
        near: Option<usize>,
    ) -> Option<(Place, String, bool)> {
        // Whether the count's own clause names where it happened after it,
        // and whether a place stands before it: the same for every mention
        // weighed below (see `earlier_clause` and `later_clause`).
        // (The precision of the finest such place after it.)
        let finest_after_in_clause = near.and_then(|n| {
            mentions
                .iter()
                .filter(|q| {
                    q.span.start > n
                        && q.span.start - n <= PLACE_WINDOW
                        && !is_landmark(text, q.span)
                        && in_the_counts_clause(text, n, q.span.start)
                        // (Not past another count: "killed 12 in the town
                        // and 3 in nearby Kafranbel".)
                        && text.get(n..q.span.start).is_some_and(|between| {
                            // (Past the count's own number.)
                            let past_number = between
                                .trim_start_matches(|c: char| !c.is_ascii_digit())
                                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
                            !past_number.contains(|c: char| c.is_ascii_digit())
                        })
                })
                .filter_map(|q| self.gazetteer.place(q.place))
                .map(|q| precision_rank(q.precision))
                .max()
        });
        let place_after_in_clause = finest_after_in_clause.is_some();
        // (Not a place in a name: "the Aleppo Media Center said".)
        let place_before = near.is_some_and(|n| {
            mentions.iter().any(|q| {
                q.span.end <= n
                    && n - q.span.end <= PLACE_WINDOW
                    && !is_landmark(text, q.span)
                    && !text
                        .get(q.span.end..)
                        .is_some_and(|t| t.trim_start().starts_with(char::is_uppercase))
            })
        });
        mentions
            .iter()
            // "19 were killed near the capital just hours after a gas attack
            // left dozens dead in Khan Sheikhun": past "hours after", a place
            // is the earlier event's.
            .filter(|m| !near.is_some_and(|n| past_another_event(text, n, m.span.start)))
            // "its worst fighting since the battle for eastern Aleppo": what
            // a "since" measures against happened elsewhere, before.
            .filter(|m| !measured_since(text, m.span.start))
            .filter_map(|m| {
                let place = self.gazetteer.place(m.place)?;
                Some((m, place, is_landmark(text, m.span)))
            })
            .max_by_key(|(m, p, landmark)| {
                let distance = near.map_or(0, |n| n.abs_diff(m.span.start));
                // A place named close to the count says where it happened; one far
                // off in a long sentence is often another place in passing.
                // A country is context ("Syria's second city of Aleppo"), never
                // nearer than a place inside it.
                // A landmark ("east of Deir Ezzor") only says where to look.
                let close = distance <= PLACE_WINDOW
                    && p.precision != ledger_types::Precision::Country
                    && !landmark;
                // "fighters from Idlib died in Aleppo": where they came from is not
                // where it happened.
                let before = text[..m.span.start].trim_end();
                // ("denied by Brussels", "blamed by Damascus": a government.)
                // ("terrorists positioned in al-Msheirfeh village fired
                // shells": where the attackers were.)
                let not_the_scene = [" from", " by", " positioned in", " stationed in"]
                    .iter()
                    .any(|p| strip_suffix_ignore_case(before, p).is_some());
                // "11 were killed in Saraqeb and another man died in Sheikh
                // Mustafa": past a place of the count's own, a clause of another
                // outcome names another place.
                let other_clause = near.is_some_and(|n| {
                    mentions.iter().any(|q| {
                        let at = text[..q.span.start].trim_end();
                        let located = [" in", " at", " near", " on"]
                            .iter()
                            .any(|p| strip_suffix_ignore_case(at, p).is_some());
                        located
                            && q.span.start > n
                            && q.span.end <= m.span.start
                            && text
                                .get(q.span.end..m.span.start)
                                .is_some_and(opens_another_outcome)
                    })
                });
                // "21 were killed in Aleppo province and another 39 in
                // neighbouring Idlib": before the count, past the joint of a
                // clause with an outcome of its own, a place is that clause's
                // when the count's clause names one.
                // ("Days after the offensive on Daraa, 30 were killed in
                // Douma": past a comma, the same.)
                // ("Army Retakes Qaryatain City in Homs Kills over 50
                // Terrorists in Hama": past the count's own active verb, the
                // same, when the place after is as fine; not "the strike on
                // Shairat airbase killed four children near Homs".)
                // (A place where something happened in another clause: "in
                // Homs", not the target of "shelling of Douma killed 5".)
                // (Or a dateline opening the sentence: "Hama Units of the army
                // killed 40 ... in Kafr Zita".)
                let located_before = || {
                    text.get(..m.span.start).is_some_and(|before| {
                        let before = before.trim_end();
                        before.is_empty()
                            || before.ends_with(['.', '\n', ':'])
                            || [" in", " at"]
                                .iter()
                                .any(|p| strip_suffix_ignore_case(before, p).is_some())
                    })
                };
                let as_fine_after = finest_after_in_clause
                    .is_some_and(|r| r >= precision_rank(p.precision))
                    && located_before();
                let earlier_clause = near.is_some_and(|n| {
                    m.span.end <= n
                        && text.get(m.name_end..n).is_some_and(|between| {
                            between.contains(',')
                                || (as_fine_after
                                    && words_of(between).any(|w| {
                                        lexicon::outcome_before(&w.to_ascii_lowercase()).is_some()
                                    }))
                                || (opens_the_counts_clause(between)
                                    && text.get(..m.span.start).is_some_and(|before| {
                                        names_an_outcome(
                                            before.rsplit(['.', ';']).next().unwrap_or(before),
                                        )
                                    }))
                        })
                        && place_after_in_clause
                });
                // "killed 10 people in Damascus including a child while
                // strikes on Eastern Ghouta killed 82": past "while", a
                // place is the next clause's when the count has one before.
                // (Not "killed while shopping in the market": a time, no clause.)
                let later_clause = near.is_some_and(|n| {
                    m.span.start > n
                        && text.get(n..m.span.start).is_some_and(|between| {
                            let mut words = words_of(between);
                            words.any(|w| is_clause_joint(w) && !w.eq_ignore_ascii_case("and"))
                                && words.next().is_some_and(|w| !w.ends_with("ing"))
                        })
                        && text.get(m.name_end..).is_some_and(|after| {
                            names_an_outcome(after.split(['.', ';']).next().unwrap_or(after))
                        })
                        && place_before
                });
                // "the town of Khan Sheikhun in Idlib": a city's name after
                // a town of its governorate names the governorate.
                let region_of_town = mentions.iter().any(|q| {
                    q.span.end <= m.span.start
                        && text.get(q.name_end..m.span.start).is_some_and(|between| {
                            matches!(between.trim(), "in" | "," | "in the" | "province of")
                        })
                        && self.gazetteer.place(q.place).is_some_and(|town| {
                            town.name != p.name
                                && town.parents.first().is_some_and(|parent| {
                                    parent
                                        .strip_prefix(p.name.as_str())
                                        .is_some_and(|rest| rest.starts_with(' '))
                                })
                        })
                });
                // "the Damascus suburb of Jaramana", "the rebel-held east
                // Aleppo district of Marjeh": the place named after "suburb
                // of", or after "district of" past a part of a city named for
                // it, is where it happened (not "the Midan district of
                // Damascus").
                let holds_the_next = mentions.iter().any(|q| {
                    q.span.start > m.span.end
                        && text.get(m.name_end..q.span.start).is_some_and(|between| {
                            let between = between.trim();
                            let district = ["district of", "neighbourhood of", "neighborhood of"]
                                .iter()
                                .any(|w| between.eq_ignore_ascii_case(w));
                            between.eq_ignore_ascii_case("suburb of")
                                || (district && is_named_for_its_city(p))
                        })
                });
                // "close to the town of Khan Sheikhoun, where a chemical
                // attack killed nearly 90": the place the count's clause
                // opens on.
                let where_it_happened = near.is_some_and(|n| {
                    m.span.end < n
                        && !landmark
                        && text.get(m.span.end..n).is_some_and(|between| {
                            let between = between.trim_start_matches([',', ' ']);
                            between
                                .get(..6)
                                .is_some_and(|w| w.eq_ignore_ascii_case("where "))
                                // (Not "In Aleppo, where rebels hold the
                                // east, ... killed 5 in the Bustan al-Qasr
                                // district": a clause of its own.)
                                && !between.contains(['.', ';', ','])
                        })
                });
                (
                    !not_the_scene,
                    where_it_happened,
                    !other_clause,
                    !earlier_clause,
                    !later_clause,
                    close,
                    !region_of_town,
                    !holds_the_next,
                    precision_rank(p.precision),
                    std::cmp::Reverse(distance),
                )
            })
            .map(|(m, p, landmark)| {
                let spelled = text.get(m.span.start..m.name_end).unwrap_or(&p.name);
                let spelled = spelled
                    .strip_suffix("'s")
                    .or_else(|| spelled.strip_suffix("\u{2019}s"))
                    .unwrap_or(spelled);
                (p.clone(), spelled.to_string(), landmark)
            })
    }
}

impl Extractor {
    /// For a count told of two places far apart joined by "and" or a comma
    /// ("in Aleppo and Sweida", "in Idlib, Hama"), one of them the place the
    /// count would take (`best`): their country, spelled as the article names
    /// the pair. Not "the border between Aleppo and Raqqa" or "the road
    /// linking Damascus and Homs", one place.
    fn roundup_place(
        &self,
        text: &str,
        mentions: &[PlaceMention],
        count_at: usize,
        best: &str,
    ) -> Option<NamedPlace> {
        /// Towns this far apart are not one attack's.
        const APART_KM: f64 = 100.0;
        mentions.windows(2).find_map(|pair| {
            let (a, b) = (&pair[0], &pair[1]);
            let between = text.get(a.name_end..b.span.start)?.trim();
            if !matches!(between, "and" | "," | ", and" | "&") {
                return None;
            }
            if a.span.start.abs_diff(count_at) > PLACE_WINDOW
                || is_landmark(text, a.span)
                || is_landmark(text, b.span)
            {
                return None;
            }
            // One place named by two ends: "the border between Aleppo and
            // Raqqa", "the highway linking Damascus and Homs".
            let before = text.get(..a.span.start)?.trim_end();
            let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next()?;
            let after = text.get(b.name_end..)?.trim_start();
            let next_word = after.split(|c: char| !c.is_alphanumeric()).next()?;
            let joins = ["between", "linking", "connecting", "joining", "from"];
            let ways = ["highway", "road", "roads", "border", "route", "line"];
            if joins.iter().any(|w| last_word.eq_ignore_ascii_case(w))
                || ways.iter().any(|w| next_word.eq_ignore_ascii_case(w))
            {
                return None;
            }
            let (p, q) = (
                self.gazetteer.place(a.place)?,
                self.gazetteer.place(b.place)?,
            );
            if p.name != best && q.name != best {
                return None;
            }
            let town = |x: &Place| {
                matches!(
                    x.precision,
                    ledger_types::Precision::City | ledger_types::Precision::Province
                )
            };
            let nested = p.parents.contains(&q.name) || q.parents.contains(&p.name);
            if !town(p)
                || !town(q)
                || nested
                || p.country != q.country
                || approx_km((p.lat, p.lon), (q.lat, q.lon)) <= APART_KM
            {
                return None;
            }
            let country = self.gazetteer.by_name(&p.country)?;
            let spelled = text.get(a.span.start..b.name_end)?;
            Some((country.clone(), spelled.to_string()))
        })
    }
}

/// Is the place at `span` named only to say where something else is: "north of
/// Aleppo", "northeast of the Syrian capital", "20 km from Homs", "near Damascus"?
fn is_landmark(text: &str, span: Span) -> bool {
    let from = floor_boundary(text, span.start.saturating_sub(60));
    // The words before the place, nearest first.
    let mut words: [&str; 8] = [""; 8];
    for (slot, word) in words.iter_mut().zip(
        text[from..span.start]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev(),
    ) {
        *slot = word;
    }
    let is = |k: usize, options: &[&str]| {
        words
            .get(k)
            .is_some_and(|w| options.iter().any(|o| w.eq_ignore_ascii_case(o)))
    };
    // Past the words naming the landmark: "the city of", "the Syrian capital",
    // "the Lebanese port city of".
    let mut k = 0;
    loop {
        if is(k, &["of"]) && is(k + 1, &["city", "town", "village", "province", "capital"]) {
            k += 2;
        } else if is(k, &["the", "capital", "city", "town", "port", "province"])
            || words.get(k).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && !is(k, &["of", "near"])
            }) && k > 0
        {
            k += 1;
        } else {
            break;
        }
    }
    if is(k, &["near", "outside"]) {
        return true;
    }
    if is(k, &["of"]) {
        return is(
            k + 1,
            &[
                "north",
                "south",
                "east",
                "west",
                "northeast",
                "northwest",
                "southeast",
                "southwest",
                "outskirts",
            ],
        );
    }
    is(k, &["from"]) && is(k + 1, &["km", "kilometres", "kilometers", "miles", "kms"])
}

/// Distance in km, near enough for telling a town's neighbours from far places.
fn approx_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = ((a.0 + b.0) / 2.0).to_radians();
    let dy = (a.0 - b.0) * 111.2;
    let dx = (a.1 - b.1) * 111.2 * lat.cos();
    (dx * dx + dy * dy).sqrt()
}

/// Does `between` (text between two places) open a clause of its own outcome,
/// "and another man died in", "while 5 were wounded in"?
fn opens_another_outcome(between: &str) -> bool {
    let mut words = words_of(between);
    words.any(is_clause_joint) && words.take(5).any(is_outcome_word)
}

/// Is a place at `place` (after the count at `count`) in the count's own
/// clause, named where it happened: "and another 14 in neighbouring Idlib",
/// not "..., according to the Aleppo Media Center", "state television in
/// Damascus reported", ", whereas in Mosul".
fn in_the_counts_clause(text: &str, count: usize, place: usize) -> bool {
    let Some(between) = text.get(count..place) else {
        return false;
    };
    if between.contains([',', ';']) {
        return false;
    }

    let stops = [
        "according",
        "said",
        "says",
        "reported",
        "told",
        "while",
        "whereas",
        "when",
        "as",
        "after",
    ];
    !words_of(between).any(|w| stops.iter().any(|s| w.eq_ignore_ascii_case(s)))
        && words_of(between).rev().take(3).any(|w| {
            ["in", "at", "near", "on"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
}

/// Does `before_count` (the text up to a count) end by opening a clause
/// for it: "and another", "while at least"? Not the "and" of a list of
/// places well before it ("in Foua and Kafrya ... told SANA that 8").
fn opens_the_counts_clause(before_count: &str) -> bool {
    words_of(before_count).rev().take(4).any(is_clause_joint)
}

/// Does `word` join two clauses: "and", "while", "whereas"?
fn is_clause_joint(word: &str) -> bool {
    ["and", "while", "whereas"]
        .iter()
        .any(|j| word.eq_ignore_ascii_case(j))
}

/// Does `text` name an outcome ("killed", "died", "wounded")?
fn names_an_outcome(text: &str) -> bool {
    words_of(text).any(is_outcome_word)
}

/// Is `word` (in any case) an outcome word?
fn is_outcome_word(word: &str) -> bool {
    let lower: std::borrow::Cow<'_, str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        word.to_ascii_lowercase().into()
    } else {
        word.into()
    };
    lexicon::outcome_after(&lower).is_some() || lexicon::outcome_before(&lower).is_some()
}

/// The words of `text`: its runs of letters and digits.
fn words_of(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Place names that do not say where anything happened: a dateline in capitals
/// ("BEIRUT"), "(banned in Russia)" asides, "UK-based", a broadcaster named
/// for a town ("Al-Mayadin TV"), a sponsor ("backed by Qatar").
fn is_aside_place(text: &str, span: Span) -> bool {
    let name = &text[span.start..span.end];
    if name.len() > 3 && !name.chars().any(char::is_lowercase) {
        return true;
    }
    let after = &text[span.end..];
    if after.starts_with("-based") || after.starts_with(" -based") {
        return true;
    }
    // "the Qatar Red Crescent", "the Kuwait Red Cross": a national society's
    // name, not where anything happened.
    if after.starts_with(" Red Crescent") || after.starts_with(" Red Cross") {
        return true;
    }
    let from = floor_boundary(text, span.start.saturating_sub(40));
    let before = &text[from..span.start];
    // "Lebanese TV channel Al-Mayadin reported", "Al Mayadeen TV said": a
    // broadcaster named for a town.
    // (Not "bombed Aleppo daily", nor "the Homs TV building".)
    const BROADCASTER: &[&str] = &["tv", "channel", "television", "broadcaster"];
    const PREMISES: &[&str] = &[
        "building",
        "station",
        "studio",
        "studios",
        "headquarters",
        "tower",
        "office",
        "offices",
    ];
    let is_any = |w: &str, of: &[&str]| of.iter().any(|m| w.eq_ignore_ascii_case(m));
    let mut words_after = after
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .take(2);
    let broadcaster_after = words_after.next().is_some_and(|w| is_any(w, BROADCASTER))
        && !words_after.next().is_some_and(|w| is_any(w, PREMISES));
    let word_before = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next();
    let broadcaster_before =
        word_before.is_some_and(|w| is_any(w, BROADCASTER) || is_any(w, &["newspaper", "daily"]));
    if broadcaster_after || broadcaster_before {
        return true;
    }
    // "a faction backed by Qatar and Turkey", "Qatar-backed": a sponsor, not
    // where anything happened.
    if after.starts_with("-backed") || after.starts_with("-funded") {
        return true;
    }
    if let Some(by) = before.rfind(" by ") {
        let sponsor = ["backed", "supported", "funded", "armed", "sponsored"]
            .iter()
            .any(|v| strip_suffix_ignore_case(&before[..by], v).is_some());
        let between = &before[by + 4..];
        // (Within the clause: not "... backed by Turkey. Aleppo was hit".)
        let only_names = !between.contains(['.', ',', ';', ':'])
            && between
                .split_whitespace()
                .all(|w| w == "and" || w == "the" || w.starts_with(char::is_uppercase))
            && between.split_whitespace().count() <= 4;
        if sponsor && only_names {
            return true;
        }
    }
    // "Last updated at Jan 202015 Beirut Syrian government air strikes ...":
    // a bureau's dateline after the date (a year, at the top of the text),
    // run into the lead's first word; not "Kill 12 Idlib Villagers".
    let year_before = before
        .trim_end()
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count()
        >= 4;
    if span.start <= 120
        && year_before
        && after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_uppercase())
    {
        return true;
    }
    // "the Observatory, based in Britain, said", "terrorists based in
    // Eastern Ghouta fired shells at the city": where a source or an
    // attacker sits, not where it happened; but "12 fighters based in Douma
    // were killed" counts people who were there.
    // ("a monitoring group based in the UK".)
    let head = before.trim_end();
    let head = strip_suffix_ignore_case(head, " the").map_or(head, str::trim_end);
    if let Some(rest) = strip_suffix_ignore_case(head, "based in") {
        let mut words = rest
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase);
        let (noun, count) = (words.next(), words.next());
        let counted_people = noun.is_some_and(|w| lexicon::victim_noun(&w).is_some())
            && count.is_some_and(|w| {
                w.bytes().all(|b| b.is_ascii_digit()) || numbers::small_number_word(&w).is_some()
            });
        return !counted_people;
    }
    if let Some(open) = before.rfind('(')
        && !before[open..].contains(')')
    {
        let aside = before[open..].to_ascii_lowercase();
        return ["banned", "outlawed", "prohibited", "illegal"]
            .iter()
            .any(|w| aside.contains(w));
    }
    false
}

/// Is this mention of a capital its government ("Moscow denied")?
fn names_government(gazetteer: &Gazetteer, text: &str, m: &PlaceMention) -> bool {
    gazetteer.place(m.place).is_some_and(|p| {
        lexicon::is_capital(&p.name) && is_government_metonym(text, m.span, m.name_end)
    })
}

/// Is the capital at `span` (`name_end` where its name ends) its government
/// rather than a place: "Moscow denied", "Ankara has accused", "blamed on
/// Damascus", "accused Tehran", "Damascus's allies"? Such a name says nothing
/// about where anything happened.
fn is_government_metonym(text: &str, span: Span, name_end: usize) -> bool {
    let from = floor_boundary(text, span.start.saturating_sub(40));
    let mut before = text[from..span.start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .map(str::to_ascii_lowercase);
    let b0 = before.next().unwrap_or_default();
    let b1 = before.next().unwrap_or_default();
    let b2 = before.next().unwrap_or_default();
    let blame = |w: &str| matches!(w, "blame" | "blames" | "blamed" | "blaming");
    if b0 == "on" && (blame(&b1) || (matches!(b1.as_str(), "it" | "them" | "this") && blame(&b2))) {
        return true;
    }
    if matches!(b0.as_str(), "accuse" | "accuses" | "accused" | "accusing") {
        return true;
    }
    let end = floor_boundary(text, name_end.max(span.end));
    let rest = &text[end..];
    // ("Damascuss ally Russia": the match took a possessive that lost its
    // apostrophe.)
    let possessive = span.end > name_end
        || rest.starts_with("'s")
        || rest.starts_with("\u{2019}s")
        || rest.starts_with('\'')
        || text[span.start..end].ends_with("'s")
        || text[span.start..end].ends_with("\u{2019}s");
    let to = floor_boundary(rest, 60);
    let mut after = rest[..to]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && *w != "s")
        .map(str::to_ascii_lowercase);
    // ("those of Damascus's ally Russia": even after "of"; but "shelling on
    // Damascus's government quarter" is where it happened.)
    let located = matches!(
        b0.as_str(),
        "in" | "at"
            | "near"
            | "from"
            | "to"
            | "into"
            | "around"
            | "outside"
            | "inside"
            | "on"
            | "over"
    );
    if possessive && !located {
        return after
            .next()
            .is_some_and(|w| lexicon::is_government_noun(&w));
    }
    // "residents of Damascus said": the place, with people in it speaking.
    // "rocket fire on Damascus", "jets over Damascus": where it happened.
    if located || b0 == "of" {
        return false;
    }
    // "Moscow has repeatedly denied": a subject the verb follows closely.
    if rest.starts_with([',', '.', ')']) {
        return false;
    }
    for w in after.take(3) {
        if lexicon::is_government_verb(&w) {
            return true;
        }
        if !matches!(
            w.as_str(),
            "has"
                | "have"
                | "had"
                | "also"
                | "again"
                | "repeatedly"
                | "strongly"
                | "firmly"
                | "previously"
                | "already"
                | "swiftly"
                | "quickly"
                | "later"
                | "since"
        ) {
            return false;
        }
    }
    false
}

/// The state army an article last named, read sentence by sentence as far as
/// `read` (see `Extractor::army_of_context`).
#[derive(Debug, Default)]
struct ArmyTrail {
    read: usize,
    last: Option<Party>,
}

/// Text to read claims from: an article's text with its furniture, or its title.
struct TextPart<'a> {
    text: &'a str,
    furniture: &'a [ledger_types::Furniture],
    in_title: bool,
}

/// Where the title ends when the text repeats it near its start (ignoring
/// ASCII case), if it is long enough to be a headline rather than a word and
/// what follows starts a new sentence without a stop ("... Wounds 20 Militants
/// of"), not the rest of a lead that echoes it ("... near Azaz, the monitor said").
/// `title` is the title trimmed and ASCII-lowercased.
fn repeated_title_end(text: &str, lower: &str, title: &str) -> Option<usize> {
    if title.len() < 20 {
        return None;
    }
    let head_end = floor_boundary(lower, title.len() + 300);
    let end = lower[..head_end].find(title)? + title.len();
    let next = text
        .get(end..)?
        .trim_start_matches([' ', '\t'])
        .chars()
        .next()?;
    (next.is_uppercase() || next.is_ascii_digit()).then_some(end)
}

/// `s` without `suffix` at its end, compared ignoring ASCII case.
fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    s.get(at..)
        .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
        .then(|| &s[..at])
}

/// `i`, or the nearest character boundary of `text` before it.
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Is the article's title a headline its text does not repeat near its start
/// (front matter, an HTML page's title)? Compared by words, ignoring case.
fn title_not_in_text(article: &Article) -> bool {
    // Words lowercased, each behind one space: " car bomb kills 17".
    let words = |s: &str| -> String {
        let mut out = String::with_capacity(s.len() + 1);
        let mut in_word = false;
        for c in s.chars() {
            if !c.is_alphanumeric() {
                in_word = false;
                continue;
            }
            if !in_word {
                out.push(' ');
                in_word = true;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        out
    };
    let mut title = words(&article.title);
    if title.is_empty() || article.title == article.id {
        return false;
    }
    title.push(' ');
    let head_end = floor_boundary(&article.text, article.title.len() * 2 + 300);
    let mut head = words(&article.text[..head_end]);
    head.push(' ');
    !head.contains(&title)
}

/// The source a headline ends with ("... officers Monitor AFP", "... kills six
/// Syrian state TV"), past any news agency credited after it. Belligerents
/// are left out: a headline ending with one names who did it.
fn headline_source(words: &Words<'_>, parties: &[PartyInSentence]) -> Option<Party> {
    let mut end = words.len();
    while end > 0 && words.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    for p in parties.iter().rev() {
        if p.end != end {
            return None;
        }
        match p.party.kind {
            PartyKind::Media if p.first > 0 => end = p.first,
            PartyKind::Belligerent => return None,
            _ => return Some(p.party.clone()),
        }
    }
    None
}

/// The longest span, in days, of one event's dates: a month ("in March, a
/// bombing killed 12"). A claim dated over longer is a running total.
const MAX_EVENT_DAYS: i32 = 31;

/// Bytes around a count within which a named place is taken to be where it happened.
const PLACE_WINDOW: usize = 100;

/// Words naming a kind of place, lowercase: every name `unknown_town` reads
/// holds one.
const PLACE_KIND_WORDS: &[&str] = &["town of ", "village", "neighbo", "district", "suburb of "];

/// Words that name a day besides the weekdays: an article using them reports
/// events by day.
const DAY_WORDS: &[&str] = &["today", "yesterday", "tonight", "overnight"];

/// A gazetteer place and the spelling the article used for it.
type NamedPlace = (Place, String);

/// One article prepared for extraction: its sentences, paragraphs and the
/// places and parties named in it, each found once.
struct ArticleScan<'a> {
    text: &'a str,
    /// The text folded once for the place and party scans, on first need:
    /// most articles' sentences never reach them.
    folded: OnceCell<FoldedText<'a>>,
    lower: &'a str,
    article_date: Option<Date>,
    sentences: Vec<Span>,
    paragraphs: Vec<usize>,
    furniture: &'a dyn Fn(Span) -> bool,
    gazetteer: &'a Gazetteer,
    parties: &'a PartyTable,
    // Places and parties are looked up per sentence, and only for sentences
    // near a claim: the dictionary scans cost more than everything else.
    place_cache: Vec<OnceCell<Vec<PlaceMention>>>,
    party_cache: Vec<OnceCell<Vec<PartyMention>>>,
    actor_cache: Vec<OnceCell<Option<Party>>>,
    /// Who each sentence says spoke (and whether the party table lists
    /// them), for a later "he said", on first need.
    speaker_cache: Vec<OnceCell<Option<(Party, bool)>>>,
    /// The best place of each sentence as context for others, on first need.
    sentence_place_cache: Vec<OnceCell<Option<NamedPlace>>>,
    /// The days each sentence says what it tells happened on, on first need.
    event_days_cache: Vec<OnceCell<Vec<(Date, Date)>>>,
}

impl<'a> ArticleScan<'a> {
    /// Does sentence `k` date what it tells only to days more than a day away
    /// from `days`? Days of speech, months, periods and vague spans ("days
    /// after") do not count.
    fn dated_elsewhere(&self, k: usize, days: (Date, Date)) -> bool {
        let Some(cell) = self.event_days_cache.get(k) else {
            return false;
        };
        let own = cell.get_or_init(|| {
            let Some(&span) = self.sentences.get(k) else {
                return Vec::new();
            };
            let mut tokens = Vec::new();
            tokenize(self.lower, span, &mut tokens);
            let words = Words {
                lower: self.lower,
                tokens: &tokens,
            };
            claims::event_dates(&self.input(words, &[]))
                .into_iter()
                .filter(|d| !d.speech && !d.since && !d.coarse && !d.within && !d.is_period())
                .filter_map(|d| d.range)
                .collect()
        });
        let widened = (
            days.0.checked_sub(1.day()).unwrap_or(days.0),
            days.1.checked_add(1.day()).unwrap_or(days.1),
        );
        !own.is_empty() && own.iter().all(|&(lo, hi)| hi < widened.0 || widened.1 < lo)
    }

    fn paragraph_of(&self, sentence: usize) -> usize {
        let start = self.sentences.get(sentence).map_or(0, |s| s.start);
        self.paragraphs.partition_point(|&p| p <= start)
    }

    fn folded(&self) -> &FoldedText<'a> {
        self.folded.get_or_init(|| FoldedText::new(self.text))
    }

    /// Party mentions of sentence `no`, with offsets into the article text.
    fn parties_of(&self, no: usize) -> &[PartyMention] {
        let (Some(cell), Some(&span)) = (self.party_cache.get(no), self.sentences.get(no)) else {
            return &[];
        };
        cell.get_or_init(|| self.parties.find_in(self.folded(), span))
    }

    /// Place mentions of sentence `no` that say where something happened.
    fn places_of(&self, no: usize) -> &[PlaceMention] {
        let (Some(cell), Some(&span)) = (self.place_cache.get(no), self.sentences.get(no)) else {
            return &[];
        };
        cell.get_or_init(|| {
            let parties = self.parties_of(no);
            self.gazetteer
                .find_in(self.folded(), span)
                .into_iter()
                .filter(|m| !(self.furniture)(m.span) && !is_aside_place(self.text, m.span))
                .filter(|m| !names_government(self.gazetteer, self.text, m))
                // Party names that hold a place name ("Aleppo Police Command") are not places;
                // a place's name that holds a party's is ("regime-held western Aleppo").
                .filter(|m| {
                    !parties.iter().any(|p| {
                        p.span.overlaps(m.span)
                            && !(m.span.start <= p.span.start
                                && p.span.end <= m.name_end
                                && p.span.len() < m.name_end - m.span.start)
                    })
                })
                .collect()
        })
    }

    fn input<'s>(&'s self, words: Words<'s>, parties: &'s [PartyInSentence]) -> SentenceInput<'s> {
        SentenceInput {
            words,
            text: self.text,
            parties,
            article_date: self.article_date,
            furniture: self.furniture,
        }
    }

    /// The first day the article says something happened on ("on Tuesday",
    /// "yesterday"), else the first day a sentence telling casualties says
    /// they were reported on. Bylines ("AP Wednesday 26 Oct 2016") are neither.
    fn article_event_day(&self, day_words: &aho_corasick::AhoCorasick) -> Option<Date> {
        let bytes = self.lower.as_bytes();
        let mut first_speech_day = None;
        let mut tokens = Vec::new();
        let mut last_sentence = None;
        for m in day_words.find_iter(self.lower) {
            let bounded = !bytes
                .get(m.start().wrapping_sub(1))
                .is_some_and(u8::is_ascii_alphabetic)
                && !bytes
                    .get(m.end())
                    .is_some_and(|b| b.is_ascii_alphabetic() && *b != b's');
            if !bounded {
                continue;
            }
            let no = self.sentences.partition_point(|s| s.end <= m.start());
            if last_sentence == Some(no) {
                continue;
            }
            last_sentence = Some(no);
            let Some(&span) = self.sentences.get(no) else {
                continue;
            };
            tokenize(self.lower, span, &mut tokens);
            let words = Words {
                lower: self.lower,
                tokens: &tokens,
            };
            // A day of speech dates the news only in a sentence that tells some
            // of it ("a bomb killed six, state television reported on Wednesday").
            let tells_casualties = OnceCell::new();
            for d in claims::event_dates(&self.input(words, &[])) {
                let names_a_day = is_weekday(words.get(d.first)).is_some()
                    || DAY_WORDS.contains(&words.get(d.first));
                // A weekday with a full date after it, in the mention ("AFP
                // Wednesday 12 Oct 2016", one mention) or just after it.
                // (Not a count after the day: "said Friday 19 people were killed".)
                let byline = [d.first + 1, d.end].into_iter().any(|k| {
                    month_number(words.get(k)).is_some()
                        || (matches!(words.kind(k), Some(TokenKind::Number))
                            && (month_number(words.get(k + 1)).is_some()
                                || matches!(words.get(k + 1), "/" | "-" | ".")))
                });
                let Some((day, last)) = d.range else {
                    continue;
                };
                if !names_a_day || byline || d.dates_what_follows || day != last {
                    continue;
                }
                // "On Wednesday Pentagon officials announced that ...": in a
                // sentence telling no casualties, a day opening a saying clause
                // is the day of speech.
                let opens_speech = || {
                    (d.end..(d.end + 4).min(words.len())).any(|k| {
                        // Past-tense forms only: "states", "reports" are often nouns.
                        matches!(
                            words.get(k),
                            "said"
                                | "announced"
                                | "reported"
                                | "told"
                                | "stated"
                                | "added"
                                | "confirmed"
                                | "claimed"
                        )
                    }) && !*tells_casualties.get_or_init(|| claims::may_hold_claims(&words))
                };
                if !d.speech && !opens_speech() {
                    return Some(day);
                }
                if first_speech_day.is_none()
                    && *tells_casualties.get_or_init(|| claims::may_hold_claims(&words))
                {
                    first_speech_day = Some(day);
                }
            }
        }
        first_speech_day
    }

    /// The date of a claim in the last two sentences of the paragraph. A date in a
    /// sentence telling no casualties is often another event's ("a response to
    /// the chemical attack on Tuesday"): it is not carried over.
    fn earlier_event_date(
        &self,
        no: usize,
        paragraph: usize,
        last_dated: Option<(usize, (Date, Date))>,
    ) -> Option<(Date, Date)> {
        let (k, date) = last_dated?;
        // Two sentences back any date; four back only a day ("... on Thursday.
        // Breaches recorded included ... The road was hit with over 100
        // missiles. Three civilians were killed."), not a month or a week.
        let reach = if date.0 == date.1 { 4 } else { 2 };
        (k < no && k + reach >= no && self.paragraph_of(k) == paragraph).then_some(date)
    }
}

/// Where the first count of `title` starts: a digit, or a small number word
/// ("Airstrikes kill four in Idlib").
fn first_count_at(title: &str) -> Option<usize> {
    title
        .char_indices()
        .find(|&(i, c)| {
            c.is_ascii_digit()
                || (i == 0 || title[..i].ends_with(' '))
                    && title[i..]
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .next()
                        .is_some_and(|w| {
                            numbers::small_number_word(&w.to_ascii_lowercase()).is_some()
                        })
        })
        .map(|(i, _)| i)
}

/// Whether "hours after", "a day after" or "weeks after" stands between the
/// count at `count_at` and a later place at `place_at`, opening a clause that
/// tells an outcome of its own ("hours after a gas attack left dozens dead
/// in Khan Sheikhun"): not of the same people ("two days after militants
/// kidnapped them in Deir Ezzor"), nor no outcome at all ("died two days
/// after the airstrike on Douma", "in the hours after the truce took effect
/// in Aleppo").
fn past_another_event(text: &str, count_at: usize, place_at: usize) -> bool {
    place_at > count_at
        && text.get(count_at..place_at).is_some_and(|between| {
            let mut words = words_of(between).peekable();
            while let Some(w) = words.next() {
                let unit = ["hour", "hours", "day", "days", "week", "weeks"]
                    .iter()
                    .any(|u| w.eq_ignore_ascii_case(u));
                if unit
                    && words
                        .peek()
                        .is_some_and(|x| x.eq_ignore_ascii_case("after"))
                {
                    let clause: Vec<&str> = words.collect();
                    return clause.iter().copied().any(is_outcome_word)
                        && !clause.iter().any(|x| {
                            ["them", "him", "her"]
                                .iter()
                                .any(|p| x.eq_ignore_ascii_case(p))
                        });
                }
            }
            false
        })
}

/// Whether the place at `at` ends the "since" phrase a superlative or a first
/// is measured by ("its worst fighting since the battle for eastern Aleppo";
/// not "since the battle for Aleppo began on Monday, 40 were killed").
fn measured_since(text: &str, at: usize) -> bool {
    let from = floor_boundary(text, at.saturating_sub(120));
    let Some(before) = text.get(from..at) else {
        return false;
    };
    let mut words = words_of(before).rev();
    for w in words.by_ref().take(6) {
        if w.eq_ignore_ascii_case("since") {
            let mut measured = words.take(6).map(str::to_ascii_lowercase);
            return measured.any(|x| {
                x.ends_with("iest")
                    || matches!(x.as_str(), "worst" | "first" | "biggest" | "heaviest")
            });
        }
        let linking = [
            "the",
            "battle",
            "fall",
            "siege",
            "capture",
            "recapture",
            "liberation",
            "start",
            "beginning",
            "outbreak",
            "for",
            "of",
            "over",
            "in",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x));
        if !linking {
            return false;
        }
    }
    false
}

/// Whether `place` is a part of the city it is in named for it ("Eastern
/// Aleppo"; not "Midan (Aleppo)", one of two Midans). Anything named for
/// its city counts, an airport or citadel too ("Aleppo International
/// Airport"): "the city" is then that place, as the text names it.
fn is_named_for_its_city(place: &Place) -> bool {
    let name = place.name.split(" (").next().unwrap_or_default();
    place
        .parents
        .first()
        .is_some_and(|city| name.contains(city.as_str()))
}

/// Whether the sentence speaks of "the city" by that word alone ("the west
/// of the city", "the city's outskirts"), not "the city of X".
fn speaks_of_the_city(words: &Words) -> bool {
    (1..words.len()).any(|i| {
        let next = words.get(i + 1);
        // (Not "the city council", "the city of Homs".)
        let ends_its_phrase = words.get(i) == "citys"
            || words.kind(i + 1) != Some(TokenKind::Word)
            || lexicon::is_np_stop(next)
            || matches!(next, "and" | "that" | "which" | "where" | "since" | "while");
        words.get(i - 1) == "the"
            && matches!(words.get(i), "city" | "citys")
            && next != "of"
            && ends_its_phrase
    })
}

/// A town, village or district the sentence at `span` names as one ("the
/// village of Ghareebeh", "the town of al-Bureij") within `PLACE_WINDOW` of
/// the count at `count_at`, which no gazetteer mention covers: its name as
/// written, one to three capitalised words.
fn unknown_town(
    text: &str,
    span: Span,
    count_at: usize,
    mentions: &[PlaceMention],
) -> Option<String> {
    const KINDS: [&str; 6] = [
        "town of ",
        "village of ",
        "neighbourhood of ",
        "neighborhood of ",
        "district of ",
        "suburb of ",
    ];
    let sentence = text.get(span.start..span.end)?;
    KINDS
        .iter()
        .find_map(|kind| {
            sentence.match_indices(kind).find_map(|(at, _)| {
                let start = span.start + at + kind.len();
                if start.abs_diff(count_at) > PLACE_WINDOW {
                    return None;
                }
                let mut name: Vec<&str> = Vec::new();
                for word in text.get(start..span.end)?.split(' ') {
                    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let lower = bare.to_ascii_lowercase();
                    let prefix = is_arabic_particle(bare) || bare.starts_with("al-");
                    let capital = bare.chars().next().is_some_and(char::is_uppercase);
                    let month_or_day =
                        is_weekday(&lower).is_some() || month_number(&lower).is_some();
                    if !(capital || prefix) || month_or_day || name.len() == 3 {
                        break;
                    }
                    name.push(bare);
                    if bare.len() != word.len() {
                        break;
                    }
                }
                while name.last().is_some_and(|w| is_arabic_particle(w)) {
                    name.pop();
                }
                let long_enough = name.iter().any(|w| w.len() >= 4);
                let name = name.join(" ");
                // (A place the gazetteer knows is found as one.)
                let end = start + name.len();
                (long_enough && !covered_by_mention(mentions, start, end)).then_some(name)
            })
        })
        .or_else(|| town_before_its_kind(text, span, count_at, mentions))
}

/// "in the Baeedeen neighbourhood", "Al-Jaberiyeh neighborhood was also
/// targeted", "Aqareb es Safi village": a name of one to three capitalised
/// words (with the Arabic particles inside it) right before the kind of
/// place, opening the sentence or after a lowercase word, which no gazetteer
/// mention covers (see [`unknown_town`]). Not who lives there ("the Armenian
/// district", "Yazidi villages"), a part of a city ("the Western district"),
/// nor "IS-held villages".
fn town_before_its_kind(
    text: &str,
    span: Span,
    count_at: usize,
    mentions: &[PlaceMention],
) -> Option<String> {
    const KINDS: [&str; 4] = [" neighbourhood", " neighborhood", " district", " village"];
    let sentence = text.get(span.start..span.end)?;
    KINDS.iter().find_map(|kind| {
        sentence.match_indices(kind).find_map(|(at, _)| {
            let end = span.start + at;
            // (The kind as a whole word: not "villagers", "villages".)
            let whole_word = !text
                .get(end + kind.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphanumeric);
            if !whole_word || end.abs_diff(count_at) > PLACE_WINDOW {
                return None;
            }
            let before = text.get(span.start..end)?;
            let is_name_word = |w: &str| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphanumeric() || c == '-')
                    && w.rsplit('-')
                        .next()
                        .is_some_and(|last| last.chars().next().is_some_and(char::is_uppercase))
                    && !is_capitalised_article(w)
            };
            let mut run = before
                .rsplit(' ')
                .take_while(|w| is_name_word(w) || is_arabic_particle(w))
                .take(5)
                .count();
            while run > 0
                && before
                    .rsplit(' ')
                    .nth(run - 1)
                    .is_some_and(is_arabic_particle)
            {
                run -= 1;
            }
            let words: Vec<&str> = before.rsplit(' ').take(run).collect();
            let name_len = words
                .iter()
                .map(|w| w.len() + 1)
                .sum::<usize>()
                .saturating_sub(1);
            let the = before.len().checked_sub(name_len)?;
            let name = before.get(the..)?;
            let capitalised = (1..=4).contains(&run)
                && words.first().is_some_and(|w| is_name_word(w))
                && before[..the].trim_end().rsplit(' ').next().is_none_or(|w| {
                    !w.chars().next().is_some_and(char::is_uppercase) || is_capitalised_article(w)
                });
            let of_people_or_a_part = words.iter().any(|w| {
                let lower = w.to_ascii_lowercase();
                country_of_demonym(&lower).is_some()
                    || lower.ends_with("ian")
                    || lower.ends_with("ish")
                    || lower.ends_with("ite")
                    || lower.ends_with("ern")
                    || (lower.ends_with('i') && words.len() == 1)
                    || matches!(
                        lower.as_str(),
                        "druze"
                            | "sunni"
                            | "shia"
                            | "shiite"
                            | "christian"
                            | "bedouin"
                            | "turkmen"
                            | "old"
                            | "new"
                            | "central"
                            | "industrial"
                            | "residential"
                            | "commercial"
                    )
            });
            let start = span.start + the;
            (capitalised && !of_people_or_a_part && name.len() >= 4)
                .then(|| name.to_string())
                .filter(|_| !covered_by_mention(mentions, start, end))
        })
    })
}

/// "The", "A", "This": a sentence's first word, no part of a name after it.
fn is_capitalised_article(w: &str) -> bool {
    matches!(w, "The" | "A" | "An" | "This" | "That")
}

/// "al", "El", "es": the article of an Arabic name, which names nothing alone.
fn is_arabic_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "Al" | "el" | "El" | "es" | "ash" | "as" | "ad" | "ez"
    )
}

/// Whether a gazetteer mention overlaps `start..end`.
fn covered_by_mention(mentions: &[PlaceMention], start: usize, end: usize) -> bool {
    mentions
        .iter()
        .any(|m| m.span.start < end && start < m.span.end)
}

/// A place the gazetteer does not know, inside `within`: its coordinates
/// and precision are those of `within` (they say no more than that).
fn town_inside(within: &Place, name: &str) -> Place {
    let mut parents = Vec::with_capacity(within.parents.len() + 1);
    if within.precision != ledger_types::Precision::Country {
        parents.push(within.name.clone());
    }
    parents.extend(within.parents.iter().cloned());
    Place {
        name: name.to_string(),
        parents,
        ..within.clone()
    }
}

/// Byte offsets where paragraphs (text after a blank line) start.
fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_newline(&bytes[i..]) {
        let nl = i + off;
        let rest = &text[nl + 1..];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
        if rest[blank..].starts_with('\n') {
            let mut j = nl + 1 + blank;
            while j < text.len() && text[j..].starts_with(|c: char| c.is_whitespace()) {
                j += text[j..].chars().next().map_or(1, char::len_utf8);
            }
            starts.push(j);
            i = j.max(nl + 1);
        } else {
            i = nl + 1;
        }
        if i >= bytes.len() {
            break;
        }
    }
    starts
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// A vague amount's words and bounds, as the method page lists them.
pub type VagueAmount = (String, Option<u64>, Option<u64>);

/// The rules of this stage for the method page.
pub fn method_notes() -> (Vec<String>, Vec<VagueAmount>) {
    let rules = CLAIM_RULES.iter().map(|s| s.to_string()).collect();
    let mut vague: Vec<VagueAmount> = VAGUE_AMOUNTS
        .iter()
        .map(|(words, lo, hi)| (words.join(" "), Some(*lo), Some(*hi)))
        .collect();
    vague.push(("a dozen".into(), Some(12), Some(12)));
    (rules, vague)
}

/// The country a sentence names its war by: "the Syrian civil war", "Syria's
/// conflict", "the war in Syria" is told by its place, not here.
fn war_country(words: &Words<'_>) -> Option<&'static str> {
    (1..words.len()).find_map(|i| {
        if !is_war_noun(words.get(i)) {
            return None;
        }
        let before = |k: usize| i.checked_sub(k).map(|j| words.get(j));
        // "Syrian war", "Syrian civil war", "Syria's six-year conflict".
        [1, 2]
            .into_iter()
            .find_map(|k| lexicon::country_of_adjective(before(k)?))
    })
}

/// How far into the text a lead may tell what its headline sums up, in bytes.
const LEAD_REACH: usize = 1500;

/// A headline's claim that names no actor ("Strike kills 18 including five
/// children") takes the actor of the lead's claim of the same outcome and
/// count ("An airstrike by Russian warplanes killed 18 people"): the headline
/// sums up that sentence, not another event. One that ends with an unnamed
/// source ("... kills 12 NGO") takes the lead's claimant too, one that
/// names no day the lead's recent day, and one that names no place or only
/// the country the lead's place.
fn headline_fields_from_lead(article: &Article, claims: &mut [Claim]) {
    let title = article.title.trim().to_ascii_lowercase();
    let title = title.trim_end_matches(|c: char| !c.is_alphanumeric());
    // A claim of the title the text repeats at its top (after a dateline, or
    // before an agency's credit), whose count is the title's: not "Car bombs
    // in northern Syria killed 25" under the title "Car bombs in northern
    // Syria". (A title of a few words, "War in Yemen", may end any sentence.)
    let is_headline = |c: &Claim| {
        if c.in_title {
            return true;
        }
        if title.len() < 20 || c.sentence_span.start > title.len() + 300 {
            return false;
        }
        let sentence = c.sentence.to_ascii_lowercase();
        let sentence = sentence.trim_end_matches(|c: char| !c.is_alphanumeric());
        let title_at = if sentence.starts_with(title) {
            Some(0)
        } else if sentence.ends_with(title) {
            Some(sentence.len() - title.len())
        } else {
            None
        };
        let count_at = c.count_span.start.checked_sub(c.sentence_span.start);
        title_at
            .zip(count_at)
            .is_some_and(|(at, k)| (at..at + title.len()).contains(&k))
    };
    let unnamed_source = |c: &Claim| {
        let words: Vec<&str> = c.sentence.split_whitespace().collect();
        let last = match words.as_slice() {
            [.., ngo, "AFP" | "Reuters" | "AP"] => *ngo,
            [.., ngo] => *ngo,
            [] => "",
        };
        c.claimant.is_none() && last.trim_end_matches(|c: char| !c.is_alphanumeric()) == "NGO"
    };
    // Each claim looked at once: whether it is the headline's (a lead
    // candidate is every claim that is not).
    let headline: Vec<bool> = claims.iter().map(is_headline).collect();
    for i in 0..claims.len() {
        if !headline[i] {
            continue;
        }
        let takes_claimant = unnamed_source(&claims[i]);
        // A headline that names no day of its own takes its lead's ("Airstrikes
        // kill 28" over "28 dead in overnight airstrikes"), not the day the
        // article names first, which may be another event's.
        let takes_date = !names_a_date(&claims[i].sentence);
        // A headline that names no place, or only the country ("Regime air
        // strikes kill 22 in Syria's rebel-held region"), takes its lead's.
        // (Not a roundup's pair: "in Aleppo and Damascus".)
        let takes_place = match (&claims[i].place, &claims[i].place_text) {
            (None, _) => true,
            (Some(p), text) => {
                p.precision == ledger_types::Precision::Country
                    && text
                        .as_deref()
                        .is_none_or(|t| !t.contains(" and ") && !t.contains(','))
            }
        };
        if claims[i].actor.is_some() && !takes_claimant && !takes_date && !takes_place {
            continue;
        }
        let same_count = |c: &Claim| {
            c.measure == claims[i].measure
                && c.count_min == claims[i].count_min
                && (c.victims == claims[i].victims
                    || c.victims == ledger_types::Victims::People
                    || claims[i].victims == ledger_types::Victims::People)
        };
        let Some(lead) = claims
            .iter()
            .zip(&headline)
            .filter(|&(c, &h)| !h && !c.in_title && c.sentence_span.start < LEAD_REACH)
            .map(|(c, _)| c)
            .find(|c| same_count(c))
        else {
            continue;
        };
        // (An NGO is no state medium or fighting side.)
        let claimant = lead.claimant.clone().filter(|p| {
            matches!(
                p.kind,
                PartyKind::Monitor | PartyKind::Local | PartyKind::International | PartyKind::Other
            )
        });
        let actor = lead.actor.clone();
        let lead_place = takes_place
            .then(|| lead.place.clone().zip(lead.place_text.clone()))
            .flatten();
        let (date_start, date_end, scope) = (lead.date_start, lead.date_end, lead.scope);
        if claims[i].actor.is_none() {
            claims[i].actor = actor;
        }
        // (Only a recent day: a headline tells the news, and a lead's older
        // day is more likely misread, "a controversial June 3 poll".)
        let recent = match (article.date, date_start, date_end) {
            (Some(day), Some(start), Some(end)) => {
                end <= day && start.checked_add(8.days()).is_ok_and(|s| s > day)
            }
            _ => false,
        };
        if takes_date && recent && scope == claims[i].scope {
            claims[i].date_start = date_start;
            claims[i].date_end = date_end;
        }
        if takes_claimant {
            claims[i].claimant = claimant;
        }
        if let Some((place, text)) = lead_place
            && claims[i]
                .place
                .as_ref()
                .is_none_or(|p| p.country == place.country)
        {
            claims[i].place = Some(place);
            claims[i].place_text = Some(text);
        }
    }
}

/// Does the text name a day, month or year ("on Tuesday", "overnight", "in
/// May 2016")?
fn names_a_date(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let word = word.to_ascii_lowercase();
        is_weekday(&word).is_some()
            // ("may" is more often the verb.)
            || (month_number(&word).is_some() && word != "may")
            || DAY_WORDS.contains(&word.as_str())
            || matches!(word.as_str(), "weekend" | "week" | "month")
            || (word.len() == 4 && word.starts_with("20") && word.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A noun naming a whole war: its toll is a country's.
fn is_war_noun(w: &str) -> bool {
    matches!(w, "war" | "conflict" | "crisis" | "uprising")
}

/// The war noun whose relative clause holds the count at `token` ("the civil
/// war, which has killed 300000"), if there is one.
fn war_relative_clause(words: &Words<'_>, token: usize) -> Option<usize> {
    (token.saturating_sub(8)..token).rev().find(|&i| {
        // ("the war, which ...", "the conflict in which ...".)
        let next = if matches!(words.get(i + 1), "," | "in" | "during") {
            i + 2
        } else {
            i + 1
        };
        is_war_noun(words.get(i)) && matches!(words.get(next), "which" | "that")
    })
}
