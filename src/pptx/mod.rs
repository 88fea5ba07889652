//! An editable PowerPoint file of every deck: `LANG/YEAR/slides/slides.pptx`.
//!
//! It follows the one slide plan ([`crate::render::slides::plan`]), so it has
//! the HTML deck's slides and splits, and writes them as PresentationML
//! (ECMA-376): a master and four layouts in the theme's colours and font,
//! titles and kind labels as text in placeholders, bullets as paragraphs with
//! outline levels, tables as tables, charts as native charts with their
//! numbers in an embedded workbook, a footer with a slide-number field, and
//! the speaker notes as notes slides. Written in-process with `zip` and
//! quick-xml; the same input gives the same bytes.
//!
//! - [`package`]: parts, relationships and the ZIP; [`xml`]: the writer;
//! - [`office_theme`], [`masters`], [`presentation`]: the parts every deck has;
//!   [`template`]: the organisation's own master and layouts instead of the built-in ones;
//! - [`body`]: a planned slide body (HTML) → paragraphs and tables;
//! - [`slides`], [`shapes`], [`geometry`]: the slides; [`notes`]: the notes;
//! - [`chart`], [`xlsx`]: a chart and its workbook;
//! - [`media`]: pictures as media parts and picture shapes; [`pictures`]: the
//!   year folder's pictures on the slides; [`logo`]: the organisation's logo.

mod body;
mod chart;
mod geometry;
mod logo;
mod masters;
mod media;
mod notes;
mod office_theme;
mod package;
mod palette;
mod pictures;
mod presentation;
mod shapes;
mod slides;
mod template;
mod xlsx;
mod xml;

use std::sync::OnceLock;

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::{Message, MessageId};
use crate::model::{Report, Site};
use crate::render::Theme;
use crate::render::slides::Deck;

use masters::Layout;
use package::{Package, Rels, rel};
use palette::Palette;
use slides::{Content, Head, Slide};

/// A PresentationML content type by its tail.
macro_rules! pml {
    ($tail:literal) => {
        concat!(
            "application/vnd.openxmlformats-officedocument.presentationml.",
            $tail
        )
    };
}

/// Where the deck's PowerPoint file goes: `LANG/YEAR/slides/slides.pptx`.
pub fn deck_path(report: &Report, lang: Lang) -> String {
    format!("{}/{}/slides/slides.pptx", lang.code(), report.year)
}

/// The BCP 47 tag PowerPoint's spelling checker wants for `lang`.
fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    }
}

/// What the PowerPoint decks of one build share: the site, the theme, and the
/// logo's media, made on first use (an SVG logo's PNG copy is drawn) and only
/// if a deck is made at all. Each deck follows the slide plan of the HTML decks
/// ([`crate::render::slides::plan`]); which decks are made is
/// [`crate::documents`]' choice.
pub struct Writer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    logo: OnceLock<Result<Option<media::Media>, SiteError>>,
}

/// One report's pictures as PowerPoint media, made once for its decks in every language.
pub struct Pictures(Vec<media::Media>);

impl<'a> Writer<'a> {
    /// The writer of `site`'s decks in `theme`.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Self {
        Writer {
            site,
            theme,
            logo: OnceLock::new(),
        }
    }

    /// `report`'s pictures, for [`Writer::deck`] (PNG copies are drawn here).
    pub fn pictures(&self, report: &Report) -> Result<Pictures, BuildError> {
        let mut media = pictures::media(std::slice::from_ref(report), self.theme)?;
        Ok(Pictures(media.pop().unwrap_or_default()))
    }

    /// `report`'s deck `deck` (planned for it in `lang`) as a `.pptx` file.
    pub fn deck(
        &self,
        report: &Report,
        pictures: &Pictures,
        deck: &Deck,
        lang: Lang,
    ) -> Result<Vec<u8>, SiteError> {
        let logo = self
            .logo
            .get_or_init(|| self.logo_media())
            .as_ref()
            .map_err(Clone::clone)?;
        let shared = Shared {
            theme: self.theme,
            logo: logo.as_ref(),
            media: &pictures.0,
        };
        self::deck(self.site, report, deck, lang, shared)
    }

    fn logo_media(&self) -> Result<Option<media::Media>, SiteError> {
        match &self.site.logo {
            Some(l) => Ok(Some(logo::media(l, self.theme).map_err(|e| {
                l.error(
                    ErrorKind::Pptx,
                    Message::new(MessageId::ErrorPptxLogo).arg("reason", e),
                )
                .with_help(Message::new(MessageId::ErrorPptxLogoHelp))
            })?)),
            None => Ok(None),
        }
    }
}

/// Whether `slide` shows the logo: the title and closing slides, and every
/// other slide that has a footer (as the HTML deck).
fn shows_logo(slide: &Slide<'_>) -> bool {
    match slide.content {
        Content::Title(_) | Content::Closing(_) => true,
        Content::Section { .. } | Content::Chart { .. } => slide.footer.is_some(),
    }
}

/// What every deck of a report is made with: the theme, and the media made once.
#[derive(Clone, Copy)]
struct Shared<'a> {
    theme: &'a Theme,
    logo: Option<&'a media::Media>,
    /// The report's pictures' media, in the model's order.
    media: &'a [media::Media],
}

/// One deck as a `.pptx` file.
fn deck(
    site: &Site,
    report: &Report,
    deck: &Deck,
    lang: Lang,
    shared: Shared<'_>,
) -> Result<Vec<u8>, SiteError> {
    write(site, report, deck, lang, shared).map_err(|e| {
        SiteError::in_file(
            ErrorKind::Pptx,
            &report.file,
            Message::new(MessageId::ErrorPptxDeck)
                .arg("lang", lang)
                .arg("reason", e),
        )
        .with_help(Message::new(MessageId::ErrorPptxDeckHelp))
    })
}

fn write(
    site: &Site,
    report: &Report,
    deck: &Deck,
    lang: Lang,
    shared: Shared<'_>,
) -> std::io::Result<Vec<u8>> {
    let Shared { theme, logo, media } = shared;
    let t = &theme.strings[&lang];
    let palette = Palette::of(theme, &site.brand);
    let org = site.organisation.resolve(lang);
    let title = report.title.resolve(lang);
    let tag = |l: Lang| lang_tag(l);
    // The HTML deck's footer: "organisation · date", then "N / total".
    let footer_text = format!("{} · {}", org.value, t.format_date(report.published));
    let footer = site
        .deck
        .footer
        .then_some((footer_text.as_str(), deck.len()));

    // The slides, in the order and with the splits of the plan (as the HTML deck's context).
    let mut list: Vec<Slide<'_>> = Vec::with_capacity(deck.len());
    let mut notes: Vec<Option<Vec<body::Block>>> = Vec::with_capacity(deck.len());
    let mut charts: Vec<&crate::model::Chart> = Vec::new();
    list.push(Slide {
        content: Content::Title(slides::TitleText {
            organisation: crate::render::slides::plan::title_organisation(site, report, lang),
            title: title.value,
            subtitle: report
                .subtitle
                .as_ref()
                .map(|s| s.resolve(lang).value.as_str()),
            year: crate::render::slides::covers::shows_year(title.value, report.year.get())
                .then(|| report.year.get()),
            size: deck.title_size,
        }),
        number: 1,
        footer: None,
        lang: tag(title.lang),
    });
    notes.push(None);
    for (section, parts) in report.sections.iter().zip(&deck.sections) {
        let text = section.text.resolve(lang);
        let untranslated = text.is_fallback.then_some(t.slides.untranslated.as_str());
        for part in parts {
            list.push(Slide {
                content: Content::Section {
                    head: Head {
                        kind: section.kind,
                        kind_label: t.kinds.get(section.kind),
                        untranslated,
                        title: &text.value.title,
                        continued: (part.index > 0).then_some(t.slides.continued.as_str()),
                    },
                    blocks: body::of_tree(
                        &part.blocks(text.lang, &report.pictures),
                        part.continues_item,
                    ),
                    size: part.size,
                    table: part.table,
                },
                number: list.len() + 1,
                footer,
                lang: tag(text.lang),
            });
            notes.push(
                text.value
                    .notes
                    .as_ref()
                    .filter(|_| part.index == 0)
                    .map(|html| body::read(html.as_str())),
            );
        }
        for chart in section.charts.iter().filter_map(|id| report.chart(id)) {
            let chart_title = chart.title.resolve(lang);
            charts.push(chart);
            list.push(Slide {
                content: Content::Chart {
                    head: Head {
                        kind: section.kind,
                        kind_label: t.kinds.get(section.kind),
                        untranslated: chart_title
                            .is_fallback
                            .then_some(t.slides.untranslated.as_str()),
                        title: chart_title.value,
                        continued: None,
                    },
                    // Relationship 1 is the layout, 2 the chart (chart slides have no notes).
                    rel: "rId2".into(),
                    description: crate::charts::describe(chart, lang, &t.charts),
                    caption: format!("{}: {}", t.charts.source, chart.source.resolve(lang).value),
                },
                number: list.len() + 1,
                footer,
                lang: tag(chart_title.lang),
            });
            notes.push(None);
        }
    }
    if let (Some(closing), Some(size)) = (&report.closing, deck.closing_size) {
        let statement = closing.resolve(lang);
        list.push(Slide {
            content: Content::Closing(slides::ClosingText {
                statement: statement.value,
                organisation: org.value,
                contact: site
                    .contact
                    .as_ref()
                    .map(|c| c.resolve(lang).value.as_str()),
                size,
            }),
            number: list.len() + 1,
            footer,
            lang: tag(statement.lang),
        });
        notes.push(None);
    }

    let mut pkg = Package::default();
    let mut root = Rels::default();
    root.add(rel::DOCUMENT, "ppt/presentation.xml");
    root.add(rel::CORE, "docProps/core.xml");
    root.add(rel::EXTENDED, "docProps/app.xml");
    root.add_to(&mut pkg, "")?;

    // The presentation's relationships: masters, notes master, theme, the property parts, then the slides.
    let tpl = site.pptx_template.as_ref();
    let masters = tpl.map_or_else(
        || vec!["slideMasters/slideMaster1.xml".to_string()],
        template::master_targets,
    );
    let notes_theme = tpl.map_or_else(
        || "ppt/theme/theme2.xml".to_string(),
        template::notes_theme_name,
    );
    let mut pres = Rels::default();
    for m in &masters {
        pres.add(rel::MASTER, m.clone());
    }
    pres.add(rel::NOTES_MASTER, "notesMasters/notesMaster1.xml");
    pres.add(
        rel::THEME,
        tpl.map_or_else(|| "theme/theme1.xml".to_string(), template::theme_target),
    );
    pres.add(rel::PRES_PROPS, "presProps.xml");
    pres.add(rel::VIEW_PROPS, "viewProps.xml");
    pres.add(rel::TABLE_STYLES, "tableStyles.xml");
    let first_slide_rel = masters.len() + 6;
    for i in 0..list.len() {
        pres.add(rel::SLIDE, format!("slides/slide{}.xml", i + 1));
    }
    pkg.add(
        "ppt/presentation.xml",
        pml!("presentation.main+xml"),
        presentation::presentation(presentation::Listing {
            first_master_id: tpl.map_or(2_147_483_648, |t| t.first_master_id),
            masters: masters.len(),
            slides: list.len(),
            first_slide_rel,
            size: tpl.map_or(presentation::WIDESCREEN, |t| t.slide_size),
            lang: lang_tag(lang),
        })?,
    );
    pres.add_to(&mut pkg, "ppt/presentation.xml")?;
    pkg.add(
        "ppt/presProps.xml",
        pml!("presProps+xml"),
        presentation::pres_props()?,
    );
    pkg.add(
        "ppt/viewProps.xml",
        pml!("viewProps+xml"),
        presentation::view_props()?,
    );
    pkg.add(
        "ppt/tableStyles.xml",
        pml!("tableStyles+xml"),
        presentation::table_styles()?,
    );

    match tpl {
        // The organisation's master, layouts, themes and their media, unchanged.
        Some(t) => template::add_to(t, &mut pkg),
        None => built_in_masters(&mut pkg, &palette)?,
    }
    pkg.add(
        notes_theme.clone(),
        template::THEME,
        office_theme::theme(&palette, "summering notes")?,
    );
    pkg.add(
        "ppt/notesMasters/notesMaster1.xml",
        pml!("notesMaster+xml"),
        masters::notes_master(&palette)?,
    );
    let mut nm = Rels::default();
    nm.add(
        rel::THEME,
        format!("../{}", notes_theme.trim_start_matches("ppt/")),
    );
    nm.add_to(&mut pkg, "ppt/notesMasters/notesMaster1.xml")?;
    if let Some(media) = logo {
        media.add_to(&mut pkg, logo::STEM);
    }
    let mut pictures = pictures::DeckPictures::new(&report.pictures, media);

    let mut chart_no = 0;
    let mut notes_count = 0;
    for (i, (slide, note)) in list.iter().zip(&notes).enumerate() {
        let n = i + 1;
        let name = format!("ppt/slides/slide{n}.xml");
        let mut r = Rels::default();
        r.add(
            rel::LAYOUT,
            match tpl {
                Some(t) => template::slide_target(&template::layout_for(t, slide.layout()).part),
                None => format!("../slideLayouts/slideLayout{}.xml", slide.layout().number()),
            },
        );
        if note.is_some() {
            r.add(rel::NOTES, format!("../notesSlides/notesSlide{n}.xml"));
        }
        if let Content::Chart { .. } = slide.content {
            chart_no += 1;
            let chart = charts[chart_no - 1];
            r.add(rel::CHART, format!("../charts/chart{chart_no}.xml"));
            let (xml, book) = chart::parts(chart, lang, &palette)?;
            let chart_name = format!("ppt/charts/chart{chart_no}.xml");
            pkg.add(
                chart_name.clone(),
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                xml,
            );
            let mut cr = Rels::default();
            cr.add(
                rel::PACKAGE,
                format!("../embeddings/Microsoft_Excel_Worksheet{chart_no}.xlsx"),
            );
            cr.add_to(&mut pkg, &chart_name)?;
            pkg.add(
                format!("ppt/embeddings/Microsoft_Excel_Worksheet{chart_no}.xlsx"),
                package::XLSX,
                book,
            );
        }
        // After the layout, the notes and the chart, whose ids the slide already names.
        let placed = logo
            .filter(|_| shows_logo(slide))
            .map(|m| m.relate(&mut r, logo::STEM));
        let logo_alt = placed.as_ref().map(|p| (p, org.value.as_str()));
        let bytes = slides::slide(
            slide,
            &palette,
            &mut r,
            logo_alt,
            &mut pictures,
            tpl.is_some(),
        )?;
        pkg.add(name.clone(), pml!("slide+xml"), bytes);
        r.add_to(&mut pkg, &name)?;
        if let Some(blocks) = note {
            notes_count += 1;
            let notes_name = format!("ppt/notesSlides/notesSlide{n}.xml");
            let mut nr = Rels::default();
            nr.add(rel::NOTES_MASTER, "../notesMasters/notesMaster1.xml");
            nr.add(rel::SLIDE, format!("../slides/slide{n}.xml"));
            let look = shapes::BodyLook {
                size: 16.0,
                text: palette.text,
                link: palette.accent,
                marker: palette.text,
                lang: slide.lang,
                inherit: false,
                inherit_bullets: false,
            };
            pkg.add(
                notes_name.clone(),
                pml!("notesSlide+xml"),
                notes::notes_slide(blocks, look, &mut nr)?,
            );
            nr.add_to(&mut pkg, &notes_name)?;
        }
    }

    pictures.add_to(&mut pkg);
    pkg.add(
        "docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
        presentation::core(presentation::Core {
            title: title.value,
            creator: org.value,
            lang: lang_tag(lang),
            date: &report.published.iso(),
        })?,
    );
    pkg.add(
        "docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        presentation::app(list.len(), notes_count)?,
    );
    pkg.zip()
}

/// The built-in master and its layouts in the theme's colours, with the master's theme.
fn built_in_masters(pkg: &mut Package, palette: &Palette) -> std::io::Result<()> {
    pkg.add(
        "ppt/theme/theme1.xml",
        template::THEME,
        office_theme::theme(palette, "summering")?,
    );
    pkg.add(
        "ppt/slideMasters/slideMaster1.xml",
        pml!("slideMaster+xml"),
        masters::master(palette)?,
    );
    let mut m = Rels::default();
    for l in Layout::ALL {
        m.add(
            rel::LAYOUT,
            format!("../slideLayouts/slideLayout{}.xml", l.number()),
        );
    }
    m.add(rel::THEME, "../theme/theme1.xml");
    m.add_to(pkg, "ppt/slideMasters/slideMaster1.xml")?;
    for l in Layout::ALL {
        let name = format!("ppt/slideLayouts/slideLayout{}.xml", l.number());
        pkg.add(
            name.clone(),
            pml!("slideLayout+xml"),
            masters::layout(l, palette)?,
        );
        let mut r = Rels::default();
        r.add(rel::MASTER, "../slideMasters/slideMaster1.xml");
        r.add_to(pkg, &name)?;
    }
    Ok(())
}
