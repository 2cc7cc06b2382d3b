//! The columns of every CSV export with their documentation: one table used by
//! both the CSV writers and the codebook page, so the two cannot drift apart.

/// Defines a column-name list and its documentation from one table.
macro_rules! columns {
    ($(#[$meta:meta])* $names:ident, $docs:ident { $($name:literal => $doc:literal),+ $(,)? }) => {
        $(#[$meta])*
        pub const $names: &[&str] = &[$($name),+];
        /// (column, what it holds), in column order.
        pub const $docs: &[(&str, &str)] = &[$(($name, $doc)),+];
    };
}

columns! {
    /// Columns of `data/claims.csv`, in order.
    CLAIMS_CSV_COLUMNS, CLAIMS_CSV_DOCS {
        "id" => "Claim id: `<article>#<n>`, n counting claims from 1 in text order, then those of a title the text does not repeat.",
        "article" => "Id (file stem) of the article the claim was read from.",
        "sentence" => "The exact sentence the claim was read from.",
        "count_min" => "Lowest number the text supports; empty when the text gives no lower bound (\"up to 30\").",
        "count_max" => "Highest number the text supports; empty when open-ended (\"at least 47\").",
        "qualifier" => "How the text bounds the count: exact, at_least, more_than, about, up_to, less_than, range, vague.",
        "measure" => "The outcome counted: killed, injured, casualties, displaced, trapped, detained, missing, kidnapped.",
        "victims" => "Who was counted: civilians, children, women, combatants, people.",
        "place" => "The most specific place the claim is about, as the article spells it; empty when none.",
        "country" => "Country of that place.",
        "lat" => "Latitude of the place, decimal degrees, 4 decimals.",
        "lon" => "Longitude of the place, decimal degrees, 4 decimals.",
        "date_start" => "First day of the event or period, YYYY-MM-DD; empty when unknown.",
        "date_end" => "Last day of the event or period, YYYY-MM-DD.",
        "scope" => "incident (one event, at most three days) or cumulative (a running total).",
        "actor" => "Canonical name of who caused the outcome; empty when the text does not say.",
        "claimant" => "Canonical name of who asserts the number; empty when the article says it in its own voice.",
        "incident" => "Id of the incident the claim was merged into; empty when none.",
        "precision" => "How precisely the place is known: country, province, city, district, village.",
        "actor_kind" => "Kind of actor: belligerent, monitor, international, state_media, media, local, other.",
        "claimant_kind" => "Kind of claimant, same words as actor_kind.",
        "stance" => "How the claimant stands to the number: reported, alleged, admitted, denied.",
        "sentence_start" => "Byte offset in the article text (or title, see in_title) where the sentence starts.",
        "sentence_end" => "Byte offset in the article text (or title) where the sentence ends (exclusive).",
        "count_start" => "Byte offset in the article text (or title) where the count's words start.",
        "count_end" => "Byte offset in the article text (or title) where the count's words end (exclusive).",
        "place_canonical" => "The gazetteer's name for that place (the same place under one spelling).",
        "in_title" => "true when the claim was read from the article's title, which its text does not repeat; the four offsets are then into the title.",
    }
}

columns! {
    /// Columns of `data/articles.csv`, in order.
    ARTICLES_CSV_COLUMNS, ARTICLES_CSV_DOCS {
        "id" => "Article id: the file stem.",
        "file" => "File name relative to the articles folder.",
        "title" => "Title from front matter or the first line.",
        "date" => "Publication date, YYYY-MM-DD; empty when unknown.",
        "source" => "Publisher, when known.",
        "url" => "Original address, when known.",
        "status" => "ok, warning (read, but see problems) or skipped (not extracted, see problems).",
        "problems" => "Problems found while reading the file, messages joined by \"; \".",
        "claims" => "Number of claims read from the article.",
        "copy_of" => "Id of the original article when this one is a republished copy of it; else empty.",
    }
}

columns! {
    /// Columns of `data/incidents.csv`, in order.
    INCIDENTS_CSV_COLUMNS, INCIDENTS_CSV_DOCS {
        "id" => "Incident id, derived from its content.",
        "date_start" => "First day of the incident, YYYY-MM-DD.",
        "date_end" => "Last day of the incident, YYYY-MM-DD.",
        "place" => "The most precise place any of its claims gives.",
        "country" => "Country of that place.",
        "lat" => "Latitude, 4 decimals.",
        "lon" => "Longitude, 4 decimals.",
        "precision" => "How precisely the place is known.",
        "actors" => "Names of the actors said to have caused it, joined by \"; \".",
        "claimants" => "Names of those who gave figures, joined by \"; \".",
        "grade" => "confirmed, fair, weak or contested (see the method page).",
        "grade_reason" => "Why that grade, in a sentence.",
        "killed_min" => "Lowest killed figure of the civilians tally; when there is no civilians tally, of the people tally; else empty.",
        "killed_max" => "Highest killed figure of the same tally; empty when open-ended or absent.",
        "injured_min" => "Lowest injured figure, chosen the same way (civilians, else people).",
        "injured_max" => "Highest injured figure of the same tally.",
        "tallies" => "Every tally as \"measure victims min-max\", joined by \"; \" (\"47+\" open-ended, \"up to 30\" no lower bound).",
        "claims" => "Number of claims merged into the incident.",
        "articles" => "Ids of the articles behind it, joined by \"; \".",
    }
}

/// The other exports, described in prose for the codebook: (path, what it holds).
pub const OTHER_EXPORTS: &[(&str, &str)] = &[
    (
        "data/claims.jsonl",
        "One JSON object per line per claim, with the fields of claims.csv; place, actor and claimant are nested objects, spans are {start, end} byte offsets.",
    ),
    (
        "data/incidents.json",
        "All incidents as a JSON array: dates, place, actors, claimants, tallies (with official and independent ranges as [min, max]), grade, grade_reason, claim ids and article ids.",
    ),
    (
        "data/series.json",
        "Running totals: per claimant, actor, measure and victims, the points (date, count_min, count_max, claim id) in order.",
    ),
    (
        "data/source_groups.json",
        "Republished copies: each group's original article id and its copies with their similarity (0 to 1) to the original.",
    ),
];
