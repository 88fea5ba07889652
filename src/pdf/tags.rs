//! The document's logical structure, built while laying out and handed to
//! krilla once the pages are drawn.
//!
//! krilla's leaves ([`krilla::tagging::Identifier`]) only exist once content is
//! drawn, and link annotations only once a page's drawing is finished, but the
//! structure is known earlier (a paragraph can start on one page and end on the
//! next). So layout records placeholders — [`Leaf`] for drawn content, [`Annot`]
//! for a link's annotation — and [`Tree::into_krilla`] swaps in the real ones.

use krilla::tagging::{Identifier, Node, TagGroup, TagKind, TagTree};

/// A piece of drawn content, numbered in drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Leaf(pub(crate) usize);

/// A link annotation, numbered in the order the pages add them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Annot(pub(crate) usize);

/// A structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group(usize);

enum Child {
    Group(Group),
    Leaf(Leaf),
    Annot(Annot),
}

struct Element {
    kind: TagKind,
    children: Vec<Child>,
}

/// The structure tree under the document root.
pub(crate) struct Tree {
    elements: Vec<Element>,
    roots: Vec<Group>,
    leaves: usize,
    annots: usize,
}

impl Tree {
    pub(crate) fn new() -> Tree {
        Tree {
            elements: Vec::new(),
            roots: Vec::new(),
            leaves: 0,
            annots: 0,
        }
    }

    /// A new element under `parent` (the document root when `None`).
    pub(crate) fn group(&mut self, parent: Option<Group>, kind: impl Into<TagKind>) -> Group {
        let id = Group(self.elements.len());
        self.elements.push(Element {
            kind: kind.into(),
            children: Vec::new(),
        });
        match parent {
            Some(p) => self.elements[p.0].children.push(Child::Group(id)),
            None => self.roots.push(id),
        }
        id
    }

    /// A new leaf, to be drawn as the next tagged content.
    pub(crate) fn leaf(&mut self, parent: Group) -> Leaf {
        let leaf = Leaf(self.leaves);
        self.leaves += 1;
        self.elements[parent.0].children.push(Child::Leaf(leaf));
        leaf
    }

    /// A new link annotation under `parent` (a `Link` element).
    pub(crate) fn annot(&mut self, parent: Group) -> Annot {
        let annot = Annot(self.annots);
        self.annots += 1;
        self.elements[parent.0].children.push(Child::Annot(annot));
        annot
    }

    /// The krilla tree, with every placeholder replaced by what drawing returned.
    pub(crate) fn into_krilla(
        mut self,
        lang: &str,
        leaves: Vec<Option<Identifier>>,
        annots: Vec<Option<Identifier>>,
    ) -> TagTree {
        let mut leaves = leaves;
        let mut annots = annots;
        let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
        let roots = std::mem::take(&mut self.roots);
        for root in roots {
            if let Some(node) = self.node(root, &mut leaves, &mut annots) {
                tree.push(node);
            }
        }
        tree
    }

    fn node(
        &mut self,
        group: Group,
        leaves: &mut [Option<Identifier>],
        annots: &mut [Option<Identifier>],
    ) -> Option<Node> {
        let children = std::mem::take(&mut self.elements[group.0].children);
        let mut nodes = Vec::with_capacity(children.len());
        for child in children {
            let node = match child {
                Child::Group(g) => self.node(g, leaves, annots),
                Child::Leaf(l) => leaves.get_mut(l.0).and_then(Option::take).map(Node::from),
                Child::Annot(a) => annots.get_mut(a.0).and_then(Option::take).map(Node::from),
            };
            nodes.extend(node);
        }
        let kind = self.elements[group.0].kind.clone();
        // krilla drops empty groups itself; dropping them here keeps that explicit.
        (!nodes.is_empty()).then(|| TagGroup::with_children(kind, nodes).into())
    }
}
