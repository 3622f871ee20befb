//! The port's queries on PostgreSQL, grouped by the table they are about. Each statement names
//! its guild in the key it reads or writes (see the migration on distribution by guild).

mod change_log;
mod connections;
mod facts;
mod invitations;
mod locales;
mod members;
mod moderation;
mod profiles;
mod searches;
mod tags;
mod whole_member;
