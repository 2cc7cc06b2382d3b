//! The embedded templates, the user's overrides (by name, Zola style) and the
//! minijinja environment: HTML auto-escaping for `.html`, Markdown cell
//! escaping for `.md`, nothing for `.css` and `.js`.

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, Value, escape_formatter};
use serde::Serialize;

use crate::{RenderOptions, ReportError, escape};

/// The embedded templates, (name, source).
const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("incident.html", include_str!("../templates/incident.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("articles.html", include_str!("../templates/articles.html")),
    (
        "incidents_month.html",
        include_str!("../templates/incidents_month.html"),
    ),
    (
        "articles_month.html",
        include_str!("../templates/articles_month.html"),
    ),
    ("tables.html", include_str!("../templates/tables.html")),
    ("method.html", include_str!("../templates/method.html")),
    ("codebook.html", include_str!("../templates/codebook.html")),
    ("report.md", include_str!("../templates/report.md")),
    ("style.css", include_str!("../templates/style.css")),
    ("site.js", include_str!("../templates/site.js")),
];

/// Names of the embedded templates, in the order of [`EMBEDDED`].
pub const NAMES: &[&str] = &[
    "base.html",
    "index.html",
    "incident.html",
    "article.html",
    "articles.html",
    "incidents_month.html",
    "articles_month.html",
    "tables.html",
    "method.html",
    "codebook.html",
    "report.md",
    "style.css",
    "site.js",
];

/// The embedded source of template `name`.
pub fn embedded_source(name: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

const MARKDOWN: &str = "markdown";

fn auto_escape_for(name: &str) -> AutoEscape {
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".svg") {
        AutoEscape::Html
    } else if name.ends_with(".md") {
        AutoEscape::Custom(MARKDOWN.into())
    } else {
        AutoEscape::None
    }
}

/// The environment with every template compiled: an override replaces the
/// embedded template of the same name; an override with another name is added
/// (for the user's own partials).
pub fn environment(options: &RenderOptions) -> Result<Environment<'static>, ReportError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(auto_escape_for);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    env.set_formatter(|out, state, value| {
        // None prints as nothing rather than "none".
        let value = if value.is_none() {
            &Value::UNDEFINED
        } else {
            value
        };
        // Plain strings and numbers go through crate::escape, so the site
        // escapes one way everywhere; anything else gets minijinja's rules.
        let plain = !value.is_undefined()
            && !value.is_safe()
            && (value.as_str().is_some() || value.is_number());
        match state.auto_escape() {
            AutoEscape::Custom(name) if name == MARKDOWN => {
                if value.is_undefined() {
                    return Ok(());
                }
                let text = value.to_string();
                let text = if value.is_safe() {
                    text
                } else {
                    escape::markdown(&text)
                };
                out.write_str(&text).map_err(Error::from)
            }
            AutoEscape::Html if plain => match value.as_str() {
                Some(text) => escape::write_html(out, text).map_err(Error::from),
                None => escape::write_html(out, &value.to_string()).map_err(Error::from),
            },
            _ => escape_formatter(out, state, value),
        }
    });
    // "1 incident", "2 incidents", as the Rust side writes them.
    env.add_function("count", |n: usize, noun: String| {
        crate::figures::count(n, &noun)
    });
    for (name, source) in EMBEDDED {
        let source = options
            .template_overrides
            .get(*name)
            .map_or(*source, String::as_str);
        env.add_template_owned(name.to_string(), source.to_owned())
            .map_err(|e| template_error(name, &e))?;
    }
    for (name, source) in &options.template_overrides {
        if !NAMES.contains(&name.as_str()) {
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| template_error(name, &e))?;
        }
    }
    Ok(env)
}

/// A view as a template value (safe HTML fragments inside stay safe).
pub fn value<T: Serialize>(view: &T) -> Value {
    Value::from(Serde(view))
}

/// Renders template `name` with `context` into a buffer of `capacity`
/// bytes to start with: a page as long as the article it shows would
/// otherwise be copied each time its buffer doubles.
pub fn render(
    env: &Environment<'_>,
    name: &str,
    context: Value,
    capacity: usize,
) -> Result<Vec<u8>, ReportError> {
    let template = env
        .get_template(name)
        .map_err(|e| template_error(name, &e))?;
    let mut bytes = Vec::with_capacity(capacity);
    template
        .render_captured_to(context, &mut bytes)
        .map_err(|e| template_error(name, &e))?;
    Ok(bytes)
}

/// A template error naming the template that failed (the included or
/// extended one when the problem is there) and what is wrong, with the line.
fn template_error(rendering: &str, error: &Error) -> ReportError {
    let name = error.name().unwrap_or(rendering).to_owned();
    let mut message = match error.detail() {
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.kind().to_string(),
    };
    if let Some(line) = error.line() {
        message.push_str(&format!(" (line {line})"));
    }
    if name != rendering {
        message.push_str(&format!(" (while rendering {rendering})"));
    }
    ReportError::Template { name, message }
}

/// HTML made by this crate (already escaped), to be printed as is.
pub fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_embedded_list() {
        let embedded: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
        assert_eq!(embedded, NAMES);
    }
}
