//! Lists in an order the organiser sets by moving an entry up or down (agenda items,
//! questions): one rule for which neighbour it changes places with.

/// Swaps the entry that `is_it` picks with its neighbour above (`up`) or below. False when
/// it is not in the list or already at that end: then nothing changed.
pub fn swap_with_neighbour<T>(list: &mut [T], is_it: impl Fn(&T) -> bool, up: bool) -> bool {
    let Some(i) = list.iter().position(is_it) else {
        return false;
    };
    let j = match up {
        true if i > 0 => i - 1,
        false if i + 1 < list.len() => i + 1,
        _ => return false,
    };
    list.swap(i, j);
    true
}

#[cfg(test)]
mod tests {
    use super::swap_with_neighbour;

    #[test]
    fn an_entry_changes_places_with_its_neighbour_but_not_past_the_ends() {
        let mut list = [1, 2, 3];
        assert!(swap_with_neighbour(&mut list, |x| *x == 2, true));
        assert_eq!(list, [2, 1, 3]);
        assert!(swap_with_neighbour(&mut list, |x| *x == 1, false));
        assert_eq!(list, [2, 3, 1]);
        assert!(!swap_with_neighbour(&mut list, |x| *x == 2, true));
        assert!(!swap_with_neighbour(&mut list, |x| *x == 1, false));
        assert!(!swap_with_neighbour(&mut list, |x| *x == 9, true));
        assert_eq!(list, [2, 3, 1]);
    }
}
