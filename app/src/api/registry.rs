//! Server functions of the housing registry: the back office (residences,
//! buildings, households, occupants, CSV import) and the tenant side
//! (joining a household with its code, my home, my residence).

pub mod back_office;
pub mod households;
pub mod import;
pub mod tenants;
