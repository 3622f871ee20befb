//! A small deterministic generator for the randomised tests, so a failure can be replayed
//! from its seed.

pub struct XorShift(pub u64);

impl XorShift {
    /// A number below `below`.
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}
