//! Where names go: each label, most important first, takes the first of eight places around
//! its dot where it overlaps no label already placed, no obstacle (the asker's own label) and
//! stays inside the picture; a label with no free place is left out rather than drawn over
//! another.

use super::layout::Point;

/// A rectangle on the picture, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) left: f32,
    pub(crate) top: f32,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

impl Rect {
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.left + other.width
            && other.left < self.left + self.width
            && self.top < other.top + other.height
            && other.top < self.top + self.height
    }

    fn inside(&self, bounds: &Rect) -> bool {
        self.left >= bounds.left
            && self.top >= bounds.top
            && self.left + self.width <= bounds.left + bounds.width
            && self.top + self.height <= bounds.top + bounds.height
    }
}

/// A label to place: the dot it names (centre and radius) and its box's size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted {
    pub(crate) dot: Point,
    pub(crate) radius: f32,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

/// Places `wanted` (most important first) inside `bounds`, clear of `obstacles` and of each
/// other: each label's box, or `None` where no place was free.
pub(crate) fn place(wanted: &[Wanted], bounds: Rect, obstacles: &[Rect]) -> Vec<Option<Rect>> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    wanted
        .iter()
        .map(|w| {
            let gap = w.radius + 2.0;
            let (x, y) = (w.dot.x, w.dot.y);
            let (width, height) = (w.width, w.height);
            // Right, left, above, below, then the corners: the reading order of a map's labels.
            let places = [
                (x + gap, y - height / 2.0),
                (x - gap - width, y - height / 2.0),
                (x - width / 2.0, y - gap - height),
                (x - width / 2.0, y + gap),
                (x + gap * 0.7, y - gap * 0.7 - height),
                (x - gap * 0.7 - width, y - gap * 0.7 - height),
                (x + gap * 0.7, y + gap * 0.7),
                (x - gap * 0.7 - width, y + gap * 0.7),
            ];
            let free = places
                .into_iter()
                .map(|(left, top)| Rect {
                    left,
                    top,
                    width,
                    height,
                })
                .find(|r| r.inside(&bounds) && !taken.iter().any(|t| t.overlaps(r)));
            if let Some(rect) = free {
                taken.push(rect);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::shuffle::Shuffle;

    #[test]
    fn placed_labels_never_overlap_and_stay_inside() {
        let bounds = Rect {
            left: 0.0,
            top: 0.0,
            width: 900.0,
            height: 900.0,
        };
        let centre = Rect {
            left: 420.0,
            top: 440.0,
            width: 60.0,
            height: 20.0,
        };
        let mut random = Shuffle::new(3);
        // Crowded on purpose: 300 labels on a small patch, so many must be left out.
        let wanted: Vec<Wanted> = (0..300)
            .map(|_| Wanted {
                dot: Point {
                    x: 300.0 + 300.0 * random.unit() as f32,
                    y: 300.0 + 300.0 * random.unit() as f32,
                },
                radius: 4.0,
                width: 40.0 + 80.0 * random.unit() as f32,
                height: 18.0,
            })
            .collect();
        let placed = place(&wanted, bounds, &[centre]);
        let boxes: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(boxes.len() > 20, "only {} placed", boxes.len());
        assert!(boxes.len() < 300, "a crowd cannot all be labelled");
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.inside(&bounds));
            assert!(!a.overlaps(&centre));
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        // The most important label always finds a place on an empty map.
        assert!(placed[0].is_some());
    }
}
