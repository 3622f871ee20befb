//! How the network's value types are stored in SQLite columns.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::network::{GuildId, InvitePolicy, MemberId, ProfileVisibility, Timestamp};

/// Ids are checked to fit i64 when parsed, so the cast is lossless.
macro_rules! id_column {
    ($id:ty) => {
        impl ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.get() as i64))
            }
        }

        impl FromSql for $id {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let raw = i64::column_result(value)?;
                u64::try_from(raw)
                    .ok()
                    .and_then(|raw| <$id>::new(raw).ok())
                    .ok_or(FromSqlError::OutOfRange(raw))
            }
        }
    };
}

id_column!(GuildId);
id_column!(MemberId);

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.unix_millis()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(Timestamp::from_unix_millis)
    }
}

impl ToSql for InvitePolicy {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for InvitePolicy {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        InvitePolicy::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("unknown invite policy {text:?}").into()))
    }
}

impl ToSql for ProfileVisibility {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ProfileVisibility {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        ProfileVisibility::parse(text).ok_or_else(|| {
            FromSqlError::Other(format!("unknown profile visibility {text:?}").into())
        })
    }
}
