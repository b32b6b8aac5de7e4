//! Invitation codes: the one-time code printed on the landlord's letter that
//! links a tenant's account to their household.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A household's invitation code: 12 symbols of Crockford's base 32 (60 bits),
/// shown in three groups of four, e.g. `K7QM-9TXR-2HWP`.
///
/// The alphabet has no I, L, O or U, so nothing reads two ways; when parsing,
/// the look-alikes are mapped back (O to 0, I and L to 1), case and spaces and
/// dashes do not matter. The canonical form ([`InvitationCode::canonical`]) is
/// what the server hashes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct InvitationCode([u8; InvitationCode::LEN]);

/// Why a text is not an invitation code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, strum::VariantArray)]
pub enum InvitationCodeError {
    #[error("the code is empty")]
    Empty,
    #[error("the code should have 12 letters and digits")]
    WrongLength,
    #[error("the code contains a character that is not used in codes")]
    InvalidCharacter,
}

impl InvitationCodeError {
    /// The id of the message that explains this error.
    pub fn message(self) -> &'static str {
        match self {
            InvitationCodeError::Empty => "error-code-empty",
            InvitationCodeError::WrongLength => "error-code-length",
            InvitationCodeError::InvalidCharacter => "error-code-character",
        }
    }
}

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl InvitationCode {
    pub const LEN: usize = 12;
    /// Bits of randomness in a code.
    pub const BITS: u32 = 60;

    /// Builds a code from random bytes (the caller brings the randomness, so
    /// this stays free of I/O). Uses the low 60 bits.
    pub fn from_random(random: u64) -> Self {
        let mut symbols = [0u8; Self::LEN];
        for (index, symbol) in symbols.iter_mut().enumerate() {
            let shift = 5 * (Self::LEN - 1 - index);
            let value = usize::try_from((random >> shift) & 0x1f).unwrap_or_default();
            *symbol = ALPHABET[value];
        }
        Self(symbols)
    }

    pub fn parse(input: &str) -> Result<Self, InvitationCodeError> {
        let mut symbols = [0u8; Self::LEN];
        let mut count = 0;
        for character in input.chars() {
            if character.is_whitespace() || character == '-' {
                continue;
            }
            let upper = match character.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let byte = u8::try_from(upper).map_err(|_| InvitationCodeError::InvalidCharacter)?;
            if !ALPHABET.contains(&byte) {
                return Err(InvitationCodeError::InvalidCharacter);
            }
            if count == Self::LEN {
                return Err(InvitationCodeError::WrongLength);
            }
            symbols[count] = byte;
            count += 1;
        }
        match count {
            0 => Err(InvitationCodeError::Empty),
            Self::LEN => Ok(Self(symbols)),
            _ => Err(InvitationCodeError::WrongLength),
        }
    }

    /// The 12 symbols without separators: the form that is hashed and stored.
    pub fn canonical(&self) -> String {
        self.0.iter().map(|&b| char::from(b)).collect()
    }
}

/// Shows the grouped form, `K7QM-9TXR-2HWP`.
impl fmt::Display for InvitationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, chunk) in self.0.chunks(4).enumerate() {
            if index > 0 {
                f.write_str("-")?;
            }
            for &byte in chunk {
                write!(f, "{}", char::from(byte))?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for InvitationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InvitationCode(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn displays_in_three_groups() {
        let code = InvitationCode::from_random(0x0fff_ffff_ffff_ffff);
        assert_eq!(code.to_string(), "ZZZZ-ZZZZ-ZZZZ");
        let code = InvitationCode::from_random(0);
        assert_eq!(code.to_string(), "0000-0000-0000");
    }

    #[test]
    fn parsing_forgives_case_separators_and_look_alikes() {
        let code = InvitationCode::parse("k7qm 9txr-2hwp").unwrap();
        assert_eq!(code.to_string(), "K7QM-9TXR-2HWP");
        let with_look_alikes = InvitationCode::parse("O1IL-0000-0000").unwrap();
        assert_eq!(with_look_alikes.canonical(), "011100000000");
    }

    #[test]
    fn bad_codes_say_why() {
        assert_eq!(InvitationCode::parse(" - "), Err(InvitationCodeError::Empty));
        assert_eq!(InvitationCode::parse("K7QM-9TXR"), Err(InvitationCodeError::WrongLength));
        assert_eq!(InvitationCode::parse("K7QM-9TXR-2HWP-A"), Err(InvitationCodeError::WrongLength));
        assert_eq!(InvitationCode::parse("K7QM-9TXR-2HWU"), Err(InvitationCodeError::InvalidCharacter));
        assert_eq!(InvitationCode::parse("K7QM-9TXR-2HWÉ"), Err(InvitationCodeError::InvalidCharacter));
    }

    #[test]
    fn debug_does_not_reveal_the_code() {
        let code = InvitationCode::from_random(123_456_789);
        assert!(!format!("{code:?}").contains(&code.canonical()));
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(random in any::<u64>()) {
            let code = InvitationCode::from_random(random);
            prop_assert_eq!(InvitationCode::parse(&code.to_string()).unwrap(), code.clone());
            prop_assert_eq!(InvitationCode::parse(&code.canonical().to_lowercase()).unwrap(), code);
        }

        #[test]
        fn distinct_60_bit_values_give_distinct_codes(a in 0u64..(1 << 60), b in 0u64..(1 << 60)) {
            prop_assume!(a != b);
            prop_assert_ne!(InvitationCode::from_random(a), InvitationCode::from_random(b));
        }

        #[test]
        fn parse_never_panics(input in ".{0,40}") {
            let _ = InvitationCode::parse(&input);
        }
    }
}
