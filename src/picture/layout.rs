//! Where each connection is drawn: a force-directed layout (Fruchterman–Reingold) seeded by
//! group. Each group starts in its own sector around the centre (the asker) and is pulled
//! gently towards that sector's anchor, so groups stay apart; links pull members together and
//! every member pushes its near neighbours away, so dots spread out. Repulsion is counted only
//! between members in neighbouring cells of a grid (far pairs push each other by next to
//! nothing), which keeps each pass linear: 5,000 connections lay out in tens of milliseconds.
//! Nothing random but a fixed seed: the same network gives the same picture.

use super::shuffle::Shuffle;

/// A point on the picture, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: f32,
    pub(crate) y: f32,
}

/// The disc members are laid out in: around the asker at its centre, outside a small hole kept
/// for the asker's own dot and label.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Disc {
    pub(crate) centre: Point,
    pub(crate) radius: f32,
    pub(crate) hole: f32,
}

impl Disc {
    /// `p` moved into the ring between the hole and the rim, if it is outside it.
    fn keep(&self, p: Point) -> Point {
        let (dx, dy) = (p.x - self.centre.x, p.y - self.centre.y);
        let d = (dx * dx + dy * dy).sqrt().max(1e-3);
        let r = d.clamp(self.hole, self.radius);
        Point {
            x: self.centre.x + dx / d * r,
            y: self.centre.y + dy / d * r,
        }
    }

    fn at(&self, angle: f32, fraction: f32) -> Point {
        let r = self.hole + (self.radius - self.hole) * fraction;
        Point {
            x: self.centre.x + r * angle.cos(),
            y: self.centre.y + r * angle.sin(),
        }
    }
}

/// Positions for `group.len()` members in `disc`, given their links and groups (numbered from
/// 0, largest first).
pub(crate) fn lay_out(group: &[u32], links: &[(u32, u32)], disc: Disc) -> Vec<Point> {
    let n = group.len();
    if n == 0 {
        return Vec::new();
    }
    // A small network is drawn small, near the asker, rather than spread thin to the rim:
    // about 85 × 85 px a member, up to the whole disc.
    let disc = Disc {
        radius: (disc.hole + (n as f32 * 7_200.0 / std::f32::consts::PI).sqrt() * 1.3)
            .min(disc.radius),
        ..disc
    };
    let groups = group.iter().max().map_or(0, |&g| g as usize + 1);
    let mut size = vec![0usize; groups];
    for &g in group {
        size[g as usize] += 1;
    }
    // Each group's sector: a share of the circle as large as its share of members.
    let mut start = vec![0f32; groups];
    let mut angle = -std::f32::consts::FRAC_PI_2;
    for g in 0..groups {
        start[g] = angle;
        angle += std::f32::consts::TAU * size[g] as f32 / n as f32;
    }
    let anchor: Vec<Point> = (0..groups)
        .map(|g| {
            let middle = start[g] + std::f32::consts::PI * size[g] as f32 / n as f32;
            // A group alone fills the ring; several sit half-way out, each in its sector.
            let out = if groups == 1 { 0.0 } else { 0.55 };
            disc.at(middle, out)
        })
        .collect();
    let mut random = Shuffle::new(0xBB67_AE85_84CA_A73B);
    let mut placed_in = vec![0usize; groups];
    let mut position: Vec<Point> = group
        .iter()
        .map(|&g| {
            let g = g as usize;
            let share = std::f32::consts::TAU * size[g] as f32 / n as f32;
            let step = (placed_in[g] as f32 + 0.5) / size[g] as f32;
            placed_in[g] += 1;
            disc.at(start[g] + share * step, 0.15 + 0.8 * random.unit() as f32)
        })
        .collect();

    let area = std::f32::consts::PI * (disc.radius * disc.radius - disc.hole * disc.hole);
    // The distance members settle at: the ring shared out evenly.
    let k = (area / n as f32).sqrt() * 0.75;
    let passes = if n <= 1_000 { 60 } else { 40 };
    let mut temperature = disc.radius / 8.0;
    let cooling = (2.0f32 / temperature).powf(1.0 / passes as f32);
    let mut alone = vec![true; n];
    for &(a, b) in links {
        alone[a as usize] = false;
        alone[b as usize] = false;
    }
    let links_each = 2.0 * links.len() as f32 / n as f32;
    let attraction = (4.0 / links_each.max(1.0)).min(1.0);
    let mut push = vec![Point { x: 0.0, y: 0.0 }; n];
    let grid = Grid::new(disc, FAR_CELLS);
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); grid.cells()];
    let mut mass: Vec<(f32, f32, f32)> = vec![(0.0, 0.0, 0.0); grid.cells()];
    for _ in 0..passes {
        push.fill(Point { x: 0.0, y: 0.0 });
        for cell in &mut cells {
            cell.clear();
        }
        mass.fill((0.0, 0.0, 0.0));
        for (i, p) in position.iter().enumerate() {
            let cell = grid.cell(*p);
            cells[cell].push(i as u32);
            let m = &mut mass[cell];
            *m = (m.0 + 1.0, m.1 + p.x, m.2 + p.y);
        }
        // Every member pushes every other away (k² / d): exactly within a cell, and from the
        // other cells as one mass at their centre (far members push alike).
        for (i, p) in position.iter().enumerate() {
            let own = grid.cell(*p);
            for &j in &cells[own] {
                if j as usize == i {
                    continue;
                }
                let q = position[j as usize];
                let (dx, dy) = (p.x - q.x, p.y - q.y);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                push[i].x += dx * f;
                push[i].y += dy * f;
            }
            for (cell, &(count, sx, sy)) in mass.iter().enumerate() {
                if cell == own || count == 0.0 {
                    continue;
                }
                let (dx, dy) = (p.x - sx / count, p.y - sy / count);
                let d2 = (dx * dx + dy * dy).max(1.0);
                let f = k * k * count / d2;
                push[i].x += dx * f;
                push[i].y += dy * f;
            }
        }
        // Links pull their ends together (d² / k), less each where members have many: a dense
        // network would otherwise be pulled into a knot repulsion cannot undo.
        for &(a, b) in links {
            let (p, q) = (position[a as usize], position[b as usize]);
            let (dx, dy) = (p.x - q.x, p.y - q.y);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / k * attraction;
            push[a as usize].x -= dx * f;
            push[a as usize].y -= dy * f;
            push[b as usize].x += dx * f;
            push[b as usize].y += dy * f;
        }
        for (i, p) in position.iter_mut().enumerate() {
            if alone[i] {
                // Linked to nobody drawn: nothing places them better than their sector.
                continue;
            }
            // Away from the asker, softly (a hard edge would line dots up around the hole).
            let (ox, oy) = (p.x - disc.centre.x, p.y - disc.centre.y);
            let o2 = (ox * ox + oy * oy).max(1.0);
            push[i].x += ox * k * k * CENTRE_MASS / o2;
            push[i].y += oy * k * k * CENTRE_MASS / o2;
            // Towards the group's anchor: what keeps groups apart.
            let home = anchor[group[i] as usize];
            let pull = if groups == 1 { 0.0 } else { 0.08 };
            let (fx, fy) = (
                push[i].x + (home.x - p.x) * pull * k,
                push[i].y + (home.y - p.y) * pull * k,
            );
            let length = (fx * fx + fy * fy).sqrt();
            if length > 0.0 {
                let step = length.min(temperature);
                *p = disc.keep(Point {
                    x: p.x + fx / length * step,
                    y: p.y + fy / length * step,
                });
            }
        }
        temperature *= cooling;
    }
    position
}

/// Cells across the grid far repulsion is counted by.
const FAR_CELLS: usize = 12;
/// How hard the asker in the centre pushes members away, as so many members would.
const CENTRE_MASS: f32 = 30.0;

/// A square grid over the disc, for counting repulsion cell by cell.
struct Grid {
    left: f32,
    top: f32,
    size: f32,
    across: usize,
}

impl Grid {
    fn new(disc: Disc, across: usize) -> Self {
        Self {
            left: disc.centre.x - disc.radius,
            top: disc.centre.y - disc.radius,
            size: 2.0 * disc.radius / across as f32,
            across,
        }
    }

    fn cells(&self) -> usize {
        self.across * self.across
    }

    fn column_row(&self, p: Point) -> (usize, usize) {
        let column = ((p.x - self.left) / self.size).floor().max(0.0) as usize;
        let row = ((p.y - self.top) / self.size).floor().max(0.0) as usize;
        (column.min(self.across - 1), row.min(self.across - 1))
    }

    fn cell(&self, p: Point) -> usize {
        let (column, row) = self.column_row(p);
        row * self.across + column
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::groups;

    fn disc() -> Disc {
        Disc {
            centre: Point { x: 450.0, y: 450.0 },
            radius: 420.0,
            hole: 40.0,
        }
    }

    fn planted(groups: u32, size: u32) -> Vec<(u32, u32)> {
        let mut random = Shuffle::new(7);
        let n = groups * size;
        let mut links = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                let p = if a / size == b / size { 0.3 } else { 0.005 };
                if random.unit() < p {
                    links.push((a, b));
                }
            }
        }
        links
    }

    fn distance(p: Point, q: Point) -> f32 {
        ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt()
    }

    #[test]
    fn same_network_same_picture_and_everyone_inside_the_ring() {
        for n_groups in [1, 4] {
            let links = planted(n_groups, 40);
            let group = groups::find((n_groups * 40) as usize, &links);
            let first = lay_out(&group, &links, disc());
            assert_eq!(first, lay_out(&group, &links, disc()));
            for p in &first {
                let d = distance(*p, disc().centre);
                assert!(
                    d >= disc().hole - 0.01 && d <= disc().radius + 0.01,
                    "{p:?} outside"
                );
            }
        }
    }

    #[test]
    fn groups_are_drawn_apart() {
        let links = planted(4, 40);
        let group = groups::find(160, &links);
        let at = lay_out(&group, &links, disc());
        let centroid = |g: u32| {
            let members: Vec<Point> = (0..160).filter(|&i| group[i] == g).map(|i| at[i]).collect();
            let count = members.len() as f32;
            Point {
                x: members.iter().map(|p| p.x).sum::<f32>() / count,
                y: members.iter().map(|p| p.y).sum::<f32>() / count,
            }
        };
        for g in 0..4u32 {
            let own = centroid(g);
            // A member is, on average, nearer its own group's middle than any other group's.
            let spread: f32 = (0..160)
                .filter(|&i| group[i] == g)
                .map(|i| distance(at[i], own))
                .sum::<f32>()
                / 40.0;
            for other in (0..4u32).filter(|&o| o != g) {
                assert!(
                    distance(own, centroid(other)) > spread,
                    "groups {g} and {other} overlap"
                );
            }
        }
    }

    #[test]
    fn members_do_not_pile_up() {
        // Dense on purpose: a tight community, everyone linked to a tenth of the others.
        let mut random = Shuffle::new(7);
        let mut links = Vec::new();
        for a in 0..500u32 {
            for b in a + 1..500 {
                if random.unit() < 0.1 {
                    links.push((a, b));
                }
            }
        }
        let at = lay_out(&[0; 500], &links, disc());
        let mut nearest: Vec<f32> = (0..500)
            .map(|i| {
                (0..500)
                    .filter(|&j| j != i)
                    .map(|j| distance(at[i], at[j]))
                    .fold(f32::MAX, f32::min)
            })
            .collect();
        nearest.sort_by(f32::total_cmp);
        // A map of 500 draws dots of radius 3: most must not cover their nearest neighbour.
        assert!(
            nearest[250] > 6.0,
            "half the dots are within {} px of another",
            nearest[250]
        );
    }
}
