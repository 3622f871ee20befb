//! How the network's value types travel to and from PostgreSQL columns: ids and times as
//! `bigint` (ids are checked to fit i64 when parsed), the invitation policy as `text`.

use std::error::Error;

use tokio_postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

use crate::network::{GuildId, InvitePolicy, MemberId, ProfileVisibility, Timestamp};

type Boxed = Box<dyn Error + Sync + Send>;

macro_rules! bigint_column {
    ($ty:ty, $to:expr, $from:expr) => {
        impl ToSql for $ty {
            fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, Boxed> {
                let raw: i64 = $to(self);
                raw.to_sql(ty, out)
            }

            fn accepts(ty: &Type) -> bool {
                <i64 as ToSql>::accepts(ty)
            }

            to_sql_checked!();
        }

        impl<'a> FromSql<'a> for $ty {
            fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
                let value = i64::from_sql(ty, raw)?;
                $from(value)
            }

            fn accepts(ty: &Type) -> bool {
                <i64 as FromSql>::accepts(ty)
            }
        }
    };
}

fn id<T>(
    raw: i64,
    new: impl Fn(u64) -> Result<T, crate::network::NetworkError>,
) -> Result<T, Boxed> {
    u64::try_from(raw)
        .ok()
        .and_then(|raw| new(raw).ok())
        .ok_or_else(|| format!("{raw} is not a Discord id").into())
}

bigint_column!(GuildId, |g: &GuildId| g.get() as i64, |v| id(
    v,
    GuildId::new
));
bigint_column!(MemberId, |m: &MemberId| m.get() as i64, |v| id(
    v,
    MemberId::new
));
bigint_column!(Timestamp, |t: &Timestamp| t.unix_millis(), |v| Ok(
    Timestamp::from_unix_millis(v)
));

impl ToSql for InvitePolicy {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, Boxed> {
        self.as_str().to_sql(ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        <&str as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for InvitePolicy {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let text = <&str>::from_sql(ty, raw)?;
        InvitePolicy::parse(text).ok_or_else(|| format!("unknown invite policy {text:?}").into())
    }

    fn accepts(ty: &Type) -> bool {
        <&str as FromSql>::accepts(ty)
    }
}

impl ToSql for ProfileVisibility {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, Boxed> {
        self.as_str().to_sql(ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        <&str as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for ProfileVisibility {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let text = <&str>::from_sql(ty, raw)?;
        ProfileVisibility::parse(text)
            .ok_or_else(|| format!("unknown profile visibility {text:?}").into())
    }

    fn accepts(ty: &Type) -> bool {
        <&str as FromSql>::accepts(ty)
    }
}
